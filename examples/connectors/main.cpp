// ctsql connector tour (SQLite, in memory): declare tables, create them, insert with bound
// parameters, query into the statement's row type and into your own struct, iterate lazily,
// use transactions, update many rows by key, reuse a vector across queries, and handle
// constraint errors. Everything checked at compile time: change an
// argument's type or a struct field and it stops compiling with a ctsql[E06x] message.
//
//   g++ -std=c++20 main.cpp -lsqlite3        (with ctsql's include/ and Boost on the path)
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>

namespace app {

struct users_t {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : ctsql::column<users_t, "name", std::string> {} name;
    struct email_c : ctsql::column<users_t, "email", std::string, ctsql::unique> {} email;
    struct age_c : ctsql::column<users_t, "age", std::optional<std::int32_t>> {} age;
    struct joined_c : ctsql::column<users_t, "joined", ctsql::timestamp, ctsql::default_now> {} joined;
};
inline constexpr users_t users{};

struct posts_t {
    static constexpr ctsql::fixed_string sql_name = "posts";
    struct id_c : ctsql::column<posts_t, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct author_id_c : ctsql::column<posts_t, "author_id", std::int64_t,
                                       ctsql::references<users_t::id_c>::on_delete<ctsql::fk_action::cascade>> {} author_id;
    struct title_c : ctsql::column<posts_t, "title", std::string> {} title;
};
inline constexpr posts_t posts{};

using schema = ctsql::schema<users_t, posts_t>;

// Statements are constants: their SQL is rendered while compiling.
constexpr auto add_user = ctsql::insert_into(users).columns(users.name, users.email, users.age).values();
constexpr auto add_post = ctsql::insert_into(posts).columns(posts.author_id, posts.title).values();
constexpr auto user_by_email =
    ctsql::select(users.id, users.name, users.age).from(users).where(users.email == ctsql::param<"email">);
constexpr auto users_older_than = ctsql::select(users.id, users.name, users.age, users.joined)
                                      .from(users)
                                      .where(users.age > ctsql::param<"min_age">)
                                      .order_by(users.name);
constexpr auto titles = ctsql::select(users.name, posts.title)
                            .from(posts)
                            .join(users)
                            .on(posts.author_id == users.id)
                            .order_by(posts.id);
constexpr auto count_posts = ctsql::select(ctsql::count()).from(posts);
// A keyed UPDATE for bulk_update: each SET value and each key is the parameter named after its column.
constexpr auto set_age_by_email =
    ctsql::update(users).set(users.age.to(ctsql::param<"age">)).where(users.email == ctsql::param<"email">);

// Your own type: fields by position, checked against the selected columns.
struct user {
    std::int64_t id;
    std::string name;
    std::optional<std::int32_t> age;  // the column can be NULL, so the field must be optional
    ctsql::timestamp joined;
};

}  // namespace app

int main() {
    using namespace app;
    try {
        ctsql::sqlite_connection db(":memory:");  // a file path or a "file:" URI work the same
        db.execute(ctsql::create_all<schema>());

        // Arguments are bound, never formatted into SQL; their types are checked at compile time.
        db.execute(add_user, "Ada Lovelace", "ada@example.com", 36);
        db.execute(add_user, "Alan Turing", "alan@example.com", 41);
        db.execute(add_user, "Grace Hopper", "grace@example.com", std::nullopt);

        // One row into the statement's own row type: named fields and structured bindings.
        const auto ada = db.fetch_one(user_by_email, "ada@example.com");
        std::printf("found %s (id %lld)\n", ada.get<"name">().c_str(), static_cast<long long>(ada.get<"id">()));

        // Several rows at once into a struct of yours.
        for (const user& u : db.fetch_all<user>(users_older_than, 30))
            std::printf("  %-14s age %d\n", u.name.c_str(), u.age.value_or(-1));

        // A transaction: everything or nothing.
        {
            auto tx = db.transaction();
            for (const char* title : {"Notes on the Analytical Engine", "Sketch of the Engine"})
                db.execute(add_post, ada.get<"id">(), title);
            tx.commit();
        }
        {
            auto tx = db.transaction();
            db.execute(add_post, ada.get<"id">(), "a draft that is never committed");
        }  // rolled back here

        // Many updates by key in one call (on PostgreSQL: one COPY and one UPDATE ... FROM). Each
        // element holds the parameters in order: the SET values, then the keys.
        struct new_age {
            std::optional<std::int32_t> age;
            std::string email;
        };
        const std::vector<new_age> birthdays = {{37, "ada@example.com"}, {42, "alan@example.com"}};
        std::printf("%llu ages updated\n", static_cast<unsigned long long>(db.bulk_update(set_age_by_email, birthdays)));

        // A query run again and again can refill one vector: its memory (strings too) is reused.
        std::vector<user> older;
        for (const int min_age : {30, 40}) {
            db.fetch_all_into(older, users_older_than, min_age);
            std::printf("older than %d: %zu\n", min_age, older.size());
        }

        // Rows read one at a time, as the loop asks for them.
        for (const auto& [author, title] : db.fetch(titles)) std::printf("  %s: %s\n", author.c_str(), title.c_str());
        std::printf("%lld posts\n", static_cast<long long>(db.fetch_one<std::int64_t>(count_posts)));

        // Constraint violations are typed exceptions carrying the SQL and SQLite's message.
        try {
            db.execute(add_user, "Someone Else", "ada@example.com", 20);
        } catch (const ctsql::unique_violation& e) {
            std::printf("refused: %s\n", e.message().c_str());
        }
        // No such row: fetch_optional says so without an exception.
        if (!db.fetch_optional(user_by_email, "nobody@example.com")) std::printf("nobody@example.com: no such user\n");
        return 0;
    } catch (const ctsql::database_error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
}
