# Included by every consumer project (add_subdirectory, fetch_content, find_package) after it
# links ctsql::sqlite, which brings the connector's compiled library exactly when ctsql is built
# with CTSQL_SEPARATE_COMPILATION (tests/package/CMakeLists.txt passes this build's setting on).
if(DEFINED CTSQL_SEPARATE_COMPILATION)
  if(CTSQL_SEPARATE_COMPILATION AND NOT TARGET ctsql::sqlite_compiled)
    message(FATAL_ERROR "CTSQL_SEPARATE_COMPILATION is ON but ctsql::sqlite_compiled is missing")
  elseif(NOT CTSQL_SEPARATE_COMPILATION AND TARGET ctsql::sqlite_compiled)
    message(FATAL_ERROR "CTSQL_SEPARATE_COMPILATION is OFF but ctsql::sqlite_compiled exists")
  endif()
endif()
