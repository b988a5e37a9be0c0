# For CTest script tests (cmake -P): run_or_fail(<what> <command> [args...]) runs the command and
# fails the test with its output when it exits non-zero; otherwise it logs the output and leaves
# the command's standard output in `last_output`.
function(run_or_fail what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${what} failed (${result}):\n${out}\n${err}")
  endif()
  message(STATUS "${what}:\n${out}${err}")
  set(last_output "${out}" PARENT_SCOPE)
endfunction()
