# Generates a scenario's migrations with autogenerate and compiles the result (CTest script test):
#   cmake -D CXX=<compiler> -D SOURCE_DIR=<repo> -D SCENARIO=<name> -D OUT=<dir>
#         [-D CONFIRM_DATA_LOSS=ON] -P compile_generated.cmake
# 1. compile + run autogenerate_driver.cpp (stage 1): revision 0001 from the empty schema to v1;
# 2. compile + run it again against that chain (stage 2, which also proves 0001 yields v1):
#    revision 0002 from the chain's head to v2;
# 3. build autogenerate_proof.cpp (static_assert(chain_yields<chain, v2>)) and run it: on SQLite,
#    upgrade, compare with the model, downgrade to base, upgrade again (on PostgreSQL: the test
#    tools.autogenerate_runs_postgresql.<scenario> runs the same program afterwards). With
#    CONFIRM_DATA_LOSS the generated revision must first fail with ctsql[E085] (data loss not yet
#    confirmed); then the user's edit (remove the comment markers around acknowledge_data_loss)
#    is applied and it must compile.
set(flags -std=c++20 -Wall -Wextra -Wpedantic -Werror
    "-I${SOURCE_DIR}/include" "-I${SOURCE_DIR}/tests/tools" "-DCTSQL_SCENARIO=${SCENARIO}")
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}/migrations/versions")

include("${CMAKE_CURRENT_LIST_DIR}/../support/run_or_fail.cmake")

set(driver "${SOURCE_DIR}/tests/tools/autogenerate_driver.cpp")
run_or_fail("compile stage 1" "${CXX}" ${flags} "${driver}" -o "${OUT}/stage1")
run_or_fail("stage 1" "${OUT}/stage1" "${OUT}")
run_or_fail("compile stage 2" "${CXX}" ${flags} -DCTSQL_HEAD_CHAIN "-I${OUT}" "${driver}" -o "${OUT}/stage2")
run_or_fail("stage 2" "${OUT}/stage2" "${OUT}")

set(proof "${CXX}" ${flags} "-I${OUT}" -I/usr/include/postgresql "${SOURCE_DIR}/tests/tools/autogenerate_proof.cpp"
    -o "${OUT}/proof" -lsqlite3 -lpq)
if(CONFIRM_DATA_LOSS)
  execute_process(COMMAND ${proof} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(result EQUAL 0 OR NOT err MATCHES "ctsql\\[E085\\]")
    message(FATAL_ERROR "the unconfirmed revision must fail with ctsql[E085] (result ${result}):\n${err}")
  endif()
  file(GLOB generated "${OUT}/migrations/versions/0002_*.hpp")
  file(READ "${generated}" text)
  string(REPLACE "/*, m::acknowledge_data_loss */" ", m::acknowledge_data_loss" confirmed "${text}")
  if(confirmed STREQUAL text)
    message(FATAL_ERROR "no data loss to confirm in ${generated}")
  endif()
  file(WRITE "${generated}" "${confirmed}")
endif()
run_or_fail("proof: the generated chain yields the model" ${proof})
run_or_fail("run the generated chain on SQLite" "${OUT}/proof" sqlite)
