// main() for the compile-only test executables (static/, constraints/, headers): their sources
// hold only static_asserts, so building the executable is the test and running it does nothing.
int main() { return 0; }
