// Harness self-test: fails with another ID than its file name's; the harness must reject it (WILL_FAIL).
#ifdef CTSQL_COMPILE_FAIL
static_assert(sizeof(char) == 2, "ctsql[E999]: not the ID this test expects");
#endif
