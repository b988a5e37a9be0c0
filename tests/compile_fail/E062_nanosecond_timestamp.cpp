// E062 (arguments): a time point finer than ctsql::timestamp (microseconds) would be truncated.
// Mistake: system_clock::now() (nanoseconds on libstdc++). Control: floor<microseconds>(now).
#include <chrono>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>

using touch = ctsql::raw_statement<ctsql::raw_sql<"UPDATE users SET seen = ?1">,
                                   ctsql::type_list<ctsql::parameter<"seen", ctsql::timestamp>>>;

void run(ctsql::sqlite_connection& db) {
    const auto now = std::chrono::system_clock::now();
#ifdef CTSQL_COMPILE_FAIL
    db.execute(touch{}, std::chrono::time_point_cast<std::chrono::nanoseconds>(now));
#else
    db.execute(touch{}, std::chrono::floor<std::chrono::microseconds>(now));
#endif
}
