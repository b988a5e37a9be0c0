# Schema import round trip (CTest script test): live schema -> import -> compile -> DDL -> live
# schema, which must be the same.
#   cmake -D DIALECT=sqlite|postgresql -D IMPORT_TOOL=<exe> -D FIXTURE=<sql> -D CXX=<compiler>
#         -D SOURCE_DIR=<repo> -D OUT=<dir> -D "LINK=<libraries>" -P import_roundtrip.cmake
# 1. import_tool creates the fixture schema, introspects it, writes model.hpp + the baseline
#    revision + chain.hpp and original.txt;
# 2. import_roundtrip.cpp is compiled against them (-Werror; static_assert: the baseline yields
#    the model) and run: the model's create_all and the migrator's upgrade each build a fresh
#    schema (created.txt, migrated.txt), and compare_schema(model, created) is empty;
# 3. original.txt, created.txt and migrated.txt must be identical; with -D APPROXIMATE=ON (a
#    fixture with types ctsql does not use) the import must warn, and created.txt and
#    migrated.txt must be identical.
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")

include("${CMAKE_CURRENT_LIST_DIR}/../support/run_or_fail.cmake")

run_or_fail("import" "${IMPORT_TOOL}" "${DIALECT}" "${FIXTURE}" "${OUT}")
set(import_output "${last_output}")

set(flags -std=c++20 -Wall -Wextra -Wpedantic -Werror "-I${SOURCE_DIR}/include" "-I${SOURCE_DIR}/tests/tools" "-I${OUT}")
if(DIALECT STREQUAL "postgresql")
  list(APPEND flags -DCTSQL_ROUNDTRIP_POSTGRESQL -I/usr/include/postgresql)
endif()
run_or_fail("compile the imported model and baseline" "${CXX}" ${flags}
  "${SOURCE_DIR}/tests/tools/import_roundtrip.cpp" -o "${OUT}/import_roundtrip" ${LINK})
run_or_fail("build the schema from the model and from the baseline" "${OUT}/import_roundtrip" "${OUT}")

if(APPROXIMATE)  # an import with warnings: the rebuilt schema cannot be the same
  if(NOT import_output MATCHES "warning: ")
    message(FATAL_ERROR "the approximate import reported no warnings")
  endif()
  file(READ "${OUT}/created.txt" created)
  file(READ "${OUT}/migrated.txt" migrated)
  if(NOT created STREQUAL migrated)
    message(FATAL_ERROR "create_all and the baseline build different schemas:\n${created}---\n${migrated}")
  endif()
  return()
endif()
file(READ "${OUT}/original.txt" original)
foreach(rebuilt IN ITEMS created migrated)
  file(READ "${OUT}/${rebuilt}.txt" text)
  if(NOT text STREQUAL original)
    message(FATAL_ERROR "the ${rebuilt} schema differs from the original:\n--- original\n${original}--- ${rebuilt}\n${text}")
  endif()
endforeach()
message(STATUS "round trip equal:\n${original}")
