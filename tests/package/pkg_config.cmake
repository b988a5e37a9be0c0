# package.pkg_config: the installed .pc files are valid, and main.cpp builds and runs with nothing
# but `pkg-config --cflags --libs ctsql-sqlite` (plus the C++20 flag; Boost comes from /usr/include).
#   cmake -D PKG_CONFIG=<exe> -D PKG_CONFIG_PATH=<dir> -D MODULES=<m;...> -D COMPILER=<c++>
#         -D STD_FLAG=<-std=c++20> -D SOURCE=<main.cpp> -D OUTPUT=<exe> -P pkg_config.cmake
set(ENV{PKG_CONFIG_PATH} "${PKG_CONFIG_PATH}")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output
    OUTPUT_STRIP_TRAILING_WHITESPACE)
  list(JOIN ARGN " " command_line)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${command_line}\nfailed (${result}):\n${output}")
  endif()
  message("${command_line}\n${output}")
  set(output "${output}" PARENT_SCOPE)
endfunction()

run("${PKG_CONFIG}" --exists --print-errors ${MODULES})
run("${PKG_CONFIG}" --cflags --libs ctsql-sqlite)
separate_arguments(flags UNIX_COMMAND "${output}")
get_filename_component(output_dir "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${output_dir}")
run("${COMPILER}" ${STD_FLAG} "${SOURCE}" ${flags} -o "${OUTPUT}")
run("${OUTPUT}")
