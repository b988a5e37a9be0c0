# Runs EXECUTABLE in WORKING_DIRECTORY, emptied first (examples create files such as quickstart.db).
#   cmake -D EXECUTABLE=<exe> -D WORKING_DIRECTORY=<dir> -P run_in_fresh_dir.cmake
file(REMOVE_RECURSE "${WORKING_DIRECTORY}")
file(MAKE_DIRECTORY "${WORKING_DIRECTORY}")
execute_process(COMMAND "${EXECUTABLE}" WORKING_DIRECTORY "${WORKING_DIRECTORY}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${EXECUTABLE} failed (${result})")
endif()
