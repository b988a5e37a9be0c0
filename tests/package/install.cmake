# package.install: installs the build tree BUILD_DIR into a fresh PREFIX and checks that the
# EXPECTED files (paths relative to PREFIX) are there.
#   cmake -D BUILD_DIR=<dir> -D PREFIX=<dir> -D EXPECTED=<file;...> -P install.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${result})")
endif()
foreach(file IN LISTS EXPECTED)
  if(NOT EXISTS "${PREFIX}/${file}")
    message(FATAL_ERROR "not installed: ${PREFIX}/${file}")
  endif()
endforeach()
