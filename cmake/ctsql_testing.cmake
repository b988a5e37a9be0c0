# Turns the files under tests/ and include/ into test targets and CTest tests. Everything is
# glob-driven (CONFIGURE_DEPENDS re-runs the globs at build time), so adding a test file needs no
# CMake edit. Used by tests/CMakeLists.txt; see docs/building.md for the test kinds.

set(CTSQL_COMPILE_FAIL_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/compile_fail.cmake")

# _ctsql_test_name(<out-var> <file> <base-dir>): <base-dir>/render/sqlite/select.cpp -> render.sqlite.select
function(_ctsql_test_name out file base)
  file(RELATIVE_PATH rel "${base}" "${file}")
  string(REGEX REPLACE "\\.cpp$" "" rel "${rel}")
  string(REPLACE "/" "." rel "${rel}")
  set(${out} "${rel}" PARENT_SCOPE)
endfunction()

# _ctsql_regex_escape(<out-var> <string>): <string> as a regex matching itself literally.
function(_ctsql_regex_escape out string)
  string(REGEX REPLACE "([][.+*?()^$|\\{}])" "\\\\\\1" escaped "${string}")
  set(${out} "${escaped}" PARENT_SCOPE)
endfunction()

# _ctsql_compile_only_executable(<target> <sources>...): an executable whose test is that it got
# built. Compiling any of its sources first deletes the executable, so a failed compile cannot
# leave an old executable behind that would still pass the test.
function(_ctsql_compile_only_executable target)
  add_executable(${target} ${ARGN})
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/compile_only")
  set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${dir}")
  _ctsql_remove_before_compile(${target} "${dir}/${target}${CMAKE_EXECUTABLE_SUFFIX}")
endfunction()

# _ctsql_remove_before_compile(<target> <file>): compiling a source of <target> deletes <file>
# first (a compile launcher; Makefile and Ninja generators run it through the shell).
function(_ctsql_remove_before_compile target file)
  set_target_properties(${target} PROPERTIES
    RULE_LAUNCH_COMPILE "\"${CMAKE_COMMAND}\" -E rm -f \"${file}\" &&")
endfunction()

# ctsql_add_compile_only_tests(<kind> LINK <targets>...)
#
# Every tests/<kind>/**/*.cpp (static_asserts only, no main) becomes an executable linked with the
# shared empty main and <targets>. CTest test <kind>.<name> (label <kind>) runs it: the executable
# exists only if the file compiled, so compiling is the real test.
function(ctsql_add_compile_only_tests kind)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "LINK")
  set(dir "${CMAKE_CURRENT_SOURCE_DIR}/${kind}")
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${dir}/*.cpp")
  foreach(source IN LISTS sources)
    _ctsql_test_name(name "${source}" "${dir}")
    string(REPLACE "." "_" target "${kind}_${name}")
    _ctsql_compile_only_executable(${target} "${source}")
    target_link_libraries(${target} PRIVATE ctsql_empty_main ${arg_LINK})
    add_test(NAME ${kind}.${name} COMMAND ${target})
    set_tests_properties(${kind}.${name} PROPERTIES LABELS ${kind})
  endforeach()
endfunction()

# ctsql_compiler_flags_file(<out-var> <target>)
#
# Writes (at generate time) a compiler response file holding the flags CMake would use to compile
# a C++ source of <target>: -std, CMAKE_CXX_FLAGS(_<CONFIG>), definitions, include directories
# (own ones as -I, dependencies' as -isystem, implicit ones left out: -I/usr/include would break
# libstdc++'s #include_next) and compile options (ctsql_warnings). <target> is never built.
function(ctsql_compiler_flags_file out target)
  set(file "${CMAKE_CURRENT_BINARY_DIR}/${target}.rsp")

  set(std 20)
  if(CMAKE_CXX_STANDARD GREATER 20)
    set(std ${CMAKE_CXX_STANDARD})
  endif()
  set(flags "${CMAKE_CXX${std}_STANDARD_COMPILE_OPTION} ${CMAKE_CXX_FLAGS}")
  if(CMAKE_BUILD_TYPE)
    string(TOUPPER "${CMAKE_BUILD_TYPE}" config)
    string(APPEND flags " ${CMAKE_CXX_FLAGS_${config}}")
  endif()
  separate_arguments(flags UNIX_COMMAND "${flags}")
  list(JOIN flags "\"\n\"" flags)

  set(implicit_re)
  foreach(dir IN LISTS CMAKE_CXX_IMPLICIT_INCLUDE_DIRECTORIES)
    _ctsql_regex_escape(dir_re "${dir}")
    list(APPEND implicit_re "^${dir_re}/?$")
  endforeach()
  list(JOIN implicit_re "|" implicit_re)
  _ctsql_regex_escape(own_re "${PROJECT_SOURCE_DIR}/")
  string(PREPEND own_re "^")

  set(includes "$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>")
  if(implicit_re)
    set(includes "$<FILTER:${includes},EXCLUDE,${implicit_re}>")
  endif()
  set(own "$<FILTER:${includes},INCLUDE,${own_re}>")
  set(deps "$<FILTER:${includes},EXCLUDE,${own_re}>")
  set(defs "$<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>")
  set(opts "$<TARGET_PROPERTY:${target},COMPILE_OPTIONS>")
  # One quoted argument per line (GCC/Clang response file syntax).
  file(GENERATE OUTPUT "${file}" CONTENT
"\"${flags}\"
$<$<BOOL:${defs}>:\"-D$<JOIN:${defs},\"\n\"-D>\"\n>\
$<$<BOOL:${own}>:\"-I$<JOIN:${own},\"\n\"-I>\"\n>\
$<$<BOOL:${deps}>:\"-isystem\"\n\"$<JOIN:${deps},\"\n\"-isystem\"\n\">\"\n>\
$<$<BOOL:${opts}>:\"$<JOIN:${opts},\"\n\">\"\n>")
  set(${out} "${file}" PARENT_SCOPE)
endfunction()

# ctsql_add_compile_fail_tests(<dir> PREFIX <test-name-prefix> LABEL <label>
#                              FLAGS_FILE <response file> [DIAGNOSTICS_DIR <dir>])
#
# For every <dir>/**/E<NNN>_<slug>.cpp, two tests (run by cmake/compile_fail.cmake, compiling
# with -fsyntax-only and the response file's flags):
#   <prefix>.E<NNN>_<slug>.control  the file compiles as is;
#   <prefix>.E<NNN>_<slug>          compiling with -DCTSQL_COMPILE_FAIL fails AND the output
#                                   contains ctsql[E<NNN>]; any other outcome fails and prints
#                                   the diagnostic. Runs only after its control passed (fixture).
# With DIAGNOSTICS_DIR, the failing compile's statistics go to <dir>/E<NNN>_<slug>.txt (and the
# full output to .log).
function(ctsql_add_compile_fail_tests dir)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "PREFIX;LABEL;FLAGS_FILE;DIAGNOSTICS_DIR" "")
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${dir}/*.cpp")
  foreach(source IN LISTS sources)
    get_filename_component(stem "${source}" NAME_WE)
    if(NOT stem MATCHES "^(E[0-9][0-9][0-9]+)_[A-Za-z0-9_]+$")
      message(SEND_ERROR "${source}: a compile-fail test is named E<NNN>_<slug>.cpp, "
                         "after the error ID it expects (ctsql[E<NNN>]).")
      continue()
    endif()
    set(id "${CMAKE_MATCH_1}")
    set(name "${arg_PREFIX}.${stem}")
    set(run "${CMAKE_COMMAND}" -D "COMPILER=${CMAKE_CXX_COMPILER}" -D "FLAGS_FILE=${arg_FLAGS_FILE}"
            -D "SOURCE=${source}")
    add_test(NAME ${name}.control COMMAND ${run} -D MODE=control -P "${CTSQL_COMPILE_FAIL_SCRIPT}")
    set(diagnostics)
    if(arg_DIAGNOSTICS_DIR)
      set(diagnostics -D "DIAGNOSTICS_FILE=${arg_DIAGNOSTICS_DIR}/${stem}.txt"
                      -D "COMPILER_ID=${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}")
    endif()
    add_test(NAME ${name}
      COMMAND ${run} -D MODE=fail -D "ERROR_ID=${id}" ${diagnostics} -P "${CTSQL_COMPILE_FAIL_SCRIPT}")
    set_tests_properties(${name}.control PROPERTIES LABELS ${arg_LABEL} FIXTURES_SETUP ${name})
    set_tests_properties(${name} PROPERTIES LABELS ${arg_LABEL} FIXTURES_REQUIRED ${name})
  endforeach()
endfunction()

# ctsql_add_header_tests(CORE <targets>... SQLITE <targets>... POSTGRESQL <targets>...)
#
# One generated TU per header under include/ctsql/ (all of them, detail/ included), holding only
# `#include <header>` twice (self-contained, include guard / #pragma once). Headers under
# connector/sqlite/ and connector/sqlite.hpp compile with the SQLITE targets, the postgresql
# ones with POSTGRESQL, the rest with CORE (no database client). All TUs link into one executable headers_compile (so a
# non-inline definition in a header that other headers include fails the link); test
# headers.compile runs it.
function(ctsql_add_header_tests)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "" "CORE;SQLITE;POSTGRESQL;CLI")
  set(include_dir "${PROJECT_SOURCE_DIR}/include")
  file(GLOB_RECURSE headers CONFIGURE_DEPENDS RELATIVE "${include_dir}" "${include_dir}/ctsql/*.hpp")
  set(groups)
  foreach(header IN LISTS headers)
    if(header MATCHES "^ctsql/connector/(sqlite|postgresql)(/|\\.hpp$)")
      set(group ${CMAKE_MATCH_1})
    elseif(header MATCHES "^ctsql/tools/(cli|cli_chain|project_commands)\\.hpp$")
      set(group cli)  # opens either database: needs both clients
    else()
      set(group core)
    endif()
    string(TOUPPER ${group} group_arg)
    if(NOT arg_${group_arg})
      continue()  # connector disabled (CTSQL_SQLITE / CTSQL_POSTGRESQL OFF)
    endif()
    set(tu "${CMAKE_CURRENT_BINARY_DIR}/headers/${header}.cpp")
    file(CONFIGURE OUTPUT "${tu}" @ONLY CONTENT
      "// Generated by cmake/ctsql_testing.cmake: <${header}> compiles on its own.\n#include <${header}>\n#include <${header}>\n")
    list(APPEND tus_${group} "${tu}")
    list(APPEND groups ${group})
  endforeach()
  if(NOT groups)
    return()
  endif()
  list(REMOVE_DUPLICATES groups)
  _ctsql_compile_only_executable(headers_compile)
  target_link_libraries(headers_compile PRIVATE ctsql_empty_main)
  get_target_property(headers_compile_dir headers_compile RUNTIME_OUTPUT_DIRECTORY)
  foreach(group IN LISTS groups)
    string(TOUPPER ${group} group_arg)
    add_library(headers_${group} OBJECT ${tus_${group}})
    target_link_libraries(headers_${group} PUBLIC ${arg_${group_arg}})
    target_link_libraries(headers_compile PRIVATE headers_${group})
    _ctsql_remove_before_compile(headers_${group} "${headers_compile_dir}/headers_compile${CMAKE_EXECUTABLE_SUFFIX}")
  endforeach()
  add_test(NAME headers.compile COMMAND headers_compile)
  set_tests_properties(headers.compile PROPERTIES LABELS headers)
endfunction()
