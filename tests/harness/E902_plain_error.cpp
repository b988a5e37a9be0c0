// Harness self-test: fails with an ordinary error; the harness must reject it (WILL_FAIL) although
// the compiler quotes the offending line, whose comment names the ID.
#ifdef CTSQL_COMPILE_FAIL
int broken = undeclared_name;  // ctsql[E902] appears here only, in quoted source
#endif
