# A scaffolded project builds against the ctsql package and its migrate program works
# (CTest script test):
#   cmake -D SCAFFOLD_TOOL=<exe> -D PACKAGE_DIR=<dir of ctsql-config.cmake> -D OUT=<dir> -D CXX=<compiler>
#         -D GENERATOR=<generator> -P scaffold_build.cmake
# scaffold -> configure (find_package(ctsql COMPONENTS cli)) -> build -> `migrate revision
# --autogenerate` writes 0001 from the example model -> rebuild -> upgrade -> check (exit 0).
file(REMOVE_RECURSE "${OUT}")

include("${CMAKE_CURRENT_LIST_DIR}/../support/run_or_fail.cmake")

set(project "${OUT}/project")
set(build "${OUT}/build")
set(url "sqlite:///${OUT}/app.db")
run_or_fail("scaffold" "${SCAFFOLD_TOOL}" "${project}")
run_or_fail("configure" "${CMAKE_COMMAND}" -S "${project}" -B "${build}" -G "${GENERATOR}"
  "-Dctsql_DIR=${PACKAGE_DIR}" "-DCMAKE_CXX_COMPILER=${CXX}")
run_or_fail("build" "${CMAKE_COMMAND}" --build "${build}")
run_or_fail("revision --autogenerate" "${build}/migrate" revision --autogenerate -m "create users")
file(GLOB revisions "${project}/migrations/versions/0001_create_users.hpp")
if(NOT revisions)
  message(FATAL_ERROR "no migrations/versions/0001_create_users.hpp written")
endif()
run_or_fail("rebuild with the revision" "${CMAKE_COMMAND}" --build "${build}")
run_or_fail("upgrade" "${build}/migrate" upgrade --url "${url}")
run_or_fail("check" "${build}/migrate" check --url "${url}")
