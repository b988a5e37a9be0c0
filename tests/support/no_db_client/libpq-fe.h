// Stands in for <libpq-fe.h> in targets that must compile without a database client (the umbrella
// header, static tests): see ctsql_test_no_db_client in tests/CMakeLists.txt.
#error "ctsql: this code must not need <libpq-fe.h>; only headers under ctsql/connector/postgresql/ may include it"
