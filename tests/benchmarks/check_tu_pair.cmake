# Generates a compile-time benchmark TU pair, compiles both (-O2 -Werror, as measure.sh's VERIFY),
# runs them against their in-memory database and requires the same checksum (CTest script test):
#   cmake -D PYTHON=<python3> -D CXX=<compiler> -D SOURCE_DIR=<repo> -D GENERATOR=<generate.py|peer_shape.py>
#         -D N=<queries> [-D RAW_MODE=<mode>] -D CTSQL_MODE=<mode> -D OUT=<dir> -P check_tu_pair.cmake
# Without RAW_MODE the ctsql TU is only compiled (the statement-only modes have nothing to run).
set(flags -std=c++20 -O2 -Wall -Wextra -Wpedantic -Werror "-I${SOURCE_DIR}/include")
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")

include("${CMAKE_CURRENT_LIST_DIR}/../support/run_or_fail.cmake")

set(modes ${RAW_MODE} ${CTSQL_MODE})
foreach(mode IN LISTS modes)
  execute_process(COMMAND "${PYTHON}" "${SOURCE_DIR}/benchmarks/compile_time/${GENERATOR}" "${N}" "${mode}"
    OUTPUT_FILE "${OUT}/${mode}.cpp" RESULT_VARIABLE result ERROR_VARIABLE err)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "generating the ${mode} TU failed (${result}):\n${err}")
  endif()
  if(NOT RAW_MODE)
    run_or_fail("compile ${mode}" "${CXX}" ${flags} -c "${OUT}/${mode}.cpp" -o "${OUT}/${mode}.o")
    return()
  endif()
  run_or_fail("compile ${mode}" "${CXX}" ${flags} "${OUT}/${mode}.cpp" -o "${OUT}/${mode}" -lsqlite3)
  run_or_fail("run ${mode}" "${OUT}/${mode}")
  string(STRIP "${last_output}" sum_${mode})
endforeach()
if(NOT sum_${RAW_MODE} MATCHES "^[0-9]+$" OR sum_${RAW_MODE} EQUAL 0)
  message(FATAL_ERROR "${RAW_MODE} printed no checksum: '${sum_${RAW_MODE}}'")
endif()
if(NOT sum_${RAW_MODE} STREQUAL sum_${CTSQL_MODE})
  message(FATAL_ERROR "${RAW_MODE} and ${CTSQL_MODE} disagree: ${sum_${RAW_MODE}} vs ${sum_${CTSQL_MODE}}")
endif()
message(STATUS "${RAW_MODE} and ${CTSQL_MODE} print the same checksum ${sum_${RAW_MODE}}")
