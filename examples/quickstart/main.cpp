// ctsql quick start: a schema declared once as C++ types; its migrations proven (at compile
// time) to produce it; its queries checked and rendered by the compiler; all run on an SQLite
// file database through the connector.
#include <cstdio>
#include <string>

#include <ctsql/connector/sqlite.hpp>
#include <ctsql/ctsql.hpp>
#include <ctsql/migrate/runner.hpp>

#include "migrations.hpp"
#include "schema.hpp"

namespace {

using ctsql::param;
using namespace blog;

// Statements are constants: their SQL is computed at compile time, their parameters and result
// rows are types. A mistake in any of them is a compile error.
constexpr auto add_user = ctsql::insert_into(users)
                              .values(users.name.to(param<"name">), users.email.to(param<"email">), users.age.to(param<"age">))
                              .on_conflict(users.email)
                              .do_update(users.name.to(ctsql::excluded(users.name)))
                              .returning(users.id);
constexpr auto add_post = ctsql::insert_into(posts).values(posts.author_id.to(param<"author">), posts.title.to(param<"title">),
                                                           posts.published.to(param<"published">));
constexpr auto posts_per_author = ctsql::select(users.name, ctsql::as<"posts">(ctsql::count(posts.id)),
                                                ctsql::as<"published">(ctsql::sum(ctsql::cast<std::int64_t>(posts.published))))
                                      .from(users)
                                      .left_join(posts)
                                      .on(posts.author_id == users.id)
                                      .where(users.age >= param<"min_age"> || users.age.is_null())
                                      .group_by(users.name)
                                      .order_by(users.name);

void print(std::string_view title, std::string_view sql) {
    std::printf("-- %.*s\n%.*s\n\n", static_cast<int>(title.size()), title.data(), static_cast<int>(sql.size()), sql.data());
}

}  // namespace

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : "quickstart.db";

    namespace m = ctsql::migrate;
    print("revision 0003, SQLite (a rebuild: SQLite cannot add a column defaulting to CURRENT_TIMESTAMP)",
          ctsql::sql<ctsql::sqlite<>>(m::upgrade<migrations::r0003>{}));
    print("revision 0003, PostgreSQL", ctsql::sql<ctsql::postgresql<>>(m::upgrade<migrations::r0003>{}));
    print("its downgrade, PostgreSQL", ctsql::sql<ctsql::postgresql<>>(m::downgrade<migrations::r0003>{}));
    print("a query, SQLite", ctsql::sql<ctsql::sqlite<>>(posts_per_author));
    print("the same, PostgreSQL", ctsql::sql<ctsql::postgresql<>>(posts_per_author));

    try {
        ctsql::sqlite_connection db(path);
        m::migrator<migrations::history, ctsql::sqlite_connection> migrator(db);
        for (const auto& id : migrator.upgrade().applied) std::printf("-- applied revision %s\n", id.c_str());
        std::printf("-- database at revision %s\n\n", migrator.current().value_or("base").c_str());

        auto tx = db.transaction();
        const std::int64_t ada = db.fetch_one(add_user, "Ada", "ada@example.org", std::optional<std::int32_t>(36)).get<"id">();
        const std::int64_t alan = db.fetch_one(add_user, "Alan", "alan@example.org", std::optional<std::int32_t>{}).get<"id">();
        db.execute(add_post, ada, "Notes on the analytical engine", true);
        db.execute(add_post, ada, "Bernoulli numbers", false);
        db.execute(add_post, alan, "On computable numbers", true);
        tx.commit();

        std::printf("-- posts per author (age >= 18 or unknown), in %s:\n", path.c_str());
        for (const auto& [name, count, published] : db.fetch(posts_per_author, 18))
            std::printf("   %-6s %lld posts, %lld published\n", name.c_str(), static_cast<long long>(count),
                        static_cast<long long>(published.value_or(0)));
    } catch (const ctsql::database_error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
