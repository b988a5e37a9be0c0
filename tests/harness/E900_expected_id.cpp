// Harness self-test: fails with the ID in its file name, so harness.compile_fail.E900_expected_id passes.
#ifdef CTSQL_COMPILE_FAIL
static_assert(sizeof(char) == 2, "ctsql[E900]: the harness accepts the expected ID");
#endif
