// E052: INSERT ... SELECT: the select's columns must match the insert columns in number and type.
// Mistake: (id, name) filled from SELECT name, id. Control: SELECT id, name.
#include <cstdint>
#include <optional>
#include <string>

#include <ctsql/ctsql.hpp>

using ctsql::lit;
using ctsql::param;

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
    struct email_c : ctsql::column<users_t, "email", std::string, ctsql::unique> {} email;
    struct age_c : ctsql::column<users_t, "age", std::optional<std::int32_t>> {} age;
};
inline constexpr users_t users{};

struct archive_t {
    static constexpr ctsql::fixed_string sql_name = "archive";
    struct id_c : ctsql::column<archive_t, "id", std::int64_t, ctsql::primary_key> {} id;
    struct name_c : ctsql::column<archive_t, "name", std::string> {} name;
};
inline constexpr archive_t archive{};

#ifdef CTSQL_COMPILE_FAIL
inline constexpr auto query = ctsql::insert_into(archive).columns(archive.id, archive.name)
                                  .select(ctsql::select(users.name, users.id).from(users));
#else
inline constexpr auto query = ctsql::insert_into(archive).columns(archive.id, archive.name)
                                  .select(ctsql::select(users.id, users.name).from(users));
#endif

inline constexpr auto text = ctsql::sql<ctsql::sqlite<>>(query);
