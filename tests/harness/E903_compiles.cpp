// Harness self-test: compiles even with CTSQL_COMPILE_FAIL; the harness must reject it (WILL_FAIL).
#ifdef CTSQL_COMPILE_FAIL
static_assert(sizeof(char) == 1, "ctsql[E903]: never fires");
#endif
