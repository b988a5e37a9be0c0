// E005 (composite key): autoincrement is not allowed on a column of a multi-column key.
// Mistake: events.seq is autoincrement and part of primary_key_on<stream_c, seq_c>.
// Control: the same key with a plain (not autoincrement) seq column.
#include <ctsql/ctsql.hpp>

struct events_t {
    static constexpr ctsql::fixed_string sql_name = "events";
    struct stream_c : ctsql::column<events_t, "stream", std::int64_t> {} stream;
#ifdef CTSQL_COMPILE_FAIL
    struct seq_c : ctsql::column<events_t, "seq", std::int64_t, ctsql::autoincrement> {} seq;
#else
    struct seq_c : ctsql::column<events_t, "seq", std::int64_t> {} seq;
#endif
    using constraints = ctsql::constraints<ctsql::primary_key_on<stream_c, seq_c>>;
};
inline constexpr events_t events{};

inline constexpr auto ddl = ctsql::sql<ctsql::postgresql<>>(ctsql::create_table(events));
