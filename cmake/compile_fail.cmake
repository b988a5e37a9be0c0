# Runs one compile-fail case; registered by ctsql_add_compile_fail_tests (cmake/ctsql_testing.cmake).
#
#   cmake -D COMPILER=<c++> -D FLAGS_FILE=<response file> -D SOURCE=<file.cpp> -D MODE=control|fail
#         [-D ERROR_ID=E<NNN>] [-D DIAGNOSTICS_FILE=<out.txt> -D COMPILER_ID=<text>]
#         -P compile_fail.cmake
#
# MODE=control: SOURCE must compile as is.
# MODE=fail:    SOURCE with -DCTSQL_COMPILE_FAIL must fail to compile AND the compiler output must
#               contain ctsql[<ERROR_ID>] on a diagnostic line ("<file>:<line>:<col>: error: ..."
#               or "...: note: ..."; not just in a source line the compiler quotes). Compiling, or
#               failing for another reason, fails the test and prints the diagnostic.
# DIAGNOSTICS_FILE (fail mode) receives key=value statistics of the diagnostic, and <stem>.log
# beside it the full output.

foreach(var COMPILER FLAGS_FILE SOURCE MODE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "compile_fail.cmake: ${var} is not set")
  endif()
endforeach()
if(NOT MODE MATCHES "^(control|fail)$" OR (MODE STREQUAL "fail" AND NOT ERROR_ID))
  message(FATAL_ERROR "compile_fail.cmake: MODE must be control or fail (fail needs ERROR_ID)")
endif()

set(ENV{LC_ALL} C)  # untranslated "error:" lines
set(command "${COMPILER}" "@${FLAGS_FILE}" -fsyntax-only)
if(MODE STREQUAL "fail")
  list(APPEND command -DCTSQL_COMPILE_FAIL)
endif()
list(APPEND command "${SOURCE}")
execute_process(COMMAND ${command} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
list(JOIN command " " command_line)

# Prints the command and the compiler output verbatim (FATAL_ERROR text gets re-wrapped), then fails.
function(fail summary)
  message(NOTICE "${command_line}\n\n${output}")
  message(FATAL_ERROR "${summary}")
endfunction()

if(MODE STREQUAL "control")
  if(NOT result EQUAL 0)
    fail("the control does not compile (result: ${result})")
  endif()
  return()
endif()

set(expected "ctsql[${ERROR_ID}]")
string(REGEX MATCH "[^\n]*: (fatal )?error: [^\n]*" first_error "${output}")
string(FIND "${first_error}" "${expected}" at)
if(at EQUAL -1)
  set(first_error_has_id 0)
else()
  set(first_error_has_id 1)
endif()
string(REGEX MATCHALL "\n" newlines "${output}")
list(LENGTH newlines lines)

if(result EQUAL 0)
  set(outcome "compiled")
elseif(output MATCHES ": (fatal error|error|note): [^\n]*ctsql\\[${ERROR_ID}\\]")
  set(outcome "expected-error")
else()
  set(outcome "other-error")
endif()

if(DIAGNOSTICS_FILE)
  get_filename_component(stem "${DIAGNOSTICS_FILE}" NAME_WE)
  get_filename_component(dir "${DIAGNOSTICS_FILE}" DIRECTORY)
  file(WRITE "${DIAGNOSTICS_FILE}"
    "id=${ERROR_ID}\n"
    "compiler=${COMPILER_ID}\n"
    "outcome=${outcome}\n"
    "lines=${lines}\n"
    "first_error_has_id=${first_error_has_id}\n"
    "first_error=${first_error}\n")
  file(WRITE "${dir}/${stem}.log" "${output}")
endif()

if(outcome STREQUAL "compiled")
  fail("compiled with -DCTSQL_COMPILE_FAIL, but ${expected} was expected")
elseif(outcome STREQUAL "other-error")
  fail("failed to compile, but without ${expected} on an error or note line (result: ${result})")
endif()
message("rejected with ${expected} as expected (${lines} diagnostic lines, "
        "first error line names the ID: ${first_error_has_id})")
