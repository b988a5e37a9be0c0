// Chains: the proof that the blog chain (12 revisions, every operation) and the ledger chain yield
// their models; every revision passes its checks and its derived downgrade restores the state
// before it; the downgrade operations themselves; chain shape; checksums.
#include <type_traits>

#include "migrate_fixtures.hpp"

using namespace mfx;
using ctsql::type_list;

// ---- the proofs ---------------------------------------------------------------------------------

static_assert(m::chain_yields<history, blog>);
static_assert(m::chain_yields<ledger_history, ledger>);
static_assert(history::size == 12 && std::is_same_v<history::head, r12>);
static_assert(ledger_history::size == 8 && std::is_same_v<ledger_history::head, e08>);

// A prefix of a chain yields the model as it was then.
struct users_v1 {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_v1, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : ctsql::column<users_v1, "name", std::string> {} name;
    struct email_c : ctsql::column<users_v1, "email", std::string, ctsql::unique> {} email;
    struct age_c : ctsql::column<users_v1, "age", std::optional<std::int32_t>> {} age;
    struct by_name : ctsql::index<"users_by_name", name_c> {};
    using indexes = ctsql::indexes<by_name>;
};
static_assert(m::chain_yields<m::chain<r01>, ctsql::schema<users_v1>>);

// ---- each revision: its operations fit the state before them, its downgrade restores it ------

static_assert(m::check_revision<r01>().ok && m::check_revision<r02>().ok && m::check_revision<r03>().ok);
static_assert(m::check_revision<r04>().ok && m::check_revision<r05>().ok && m::check_revision<r06>().ok);
static_assert(m::check_revision<r07>().ok && m::check_revision<r08>().ok && m::check_revision<r09>().ok);
static_assert(m::check_revision<r10>().ok && m::check_revision<r11>().ok && m::check_revision<r12>().ok);
static_assert(m::check_revision<e01>().ok && m::check_revision<e02>().ok && m::check_revision<e03>().ok);
static_assert(m::check_revision<e04>().ok && m::check_revision<e05>().ok && m::check_revision<e06>().ok);
static_assert(m::check_revision<e07>().ok && m::check_revision<e08>().ok);

// ---- derived downgrades: the inverses, in reverse order, each built from the state before ------

static_assert(std::is_same_v<m::downgrade_operations<r01>, type_list<m::drop_table<"users", m::acknowledge_data_loss>>>);
static_assert(std::is_same_v<m::downgrade_operations<r02>,
                             type_list<m::drop_index<"posts", "posts_by_author">, m::drop_table<"posts", m::acknowledge_data_loss>>>);
static_assert(std::is_same_v<m::downgrade_operations<r05>,
                             type_list<m::rename_column<"tags", "post_id", "post">, m::rename_column<"users", "user_id", "id">,
                                       m::rename_column<"users", "full_name", "name">>>);
static_assert(std::is_same_v<m::downgrade_operations<r06>, type_list<m::rename_table<"articles", "posts">>>);
static_assert(std::is_same_v<m::downgrade_operations<r08>,
                             type_list<m::add_unique<"users", "email">, m::drop_unique<"users", "full_name", "age">,
                                       m::restore_index<"users", m::index_state<"users_by_name", m::names<"full_name">>>,
                                       m::drop_index<"users", "users_by_age">, m::drop_index<"articles", "articles_by_views">>>);
static_assert(std::is_same_v<m::downgrade_operations<r09>,
                             type_list<m::restore_foreign_key<"articles", m::fk_state<m::names<"editor">, "users", m::names<"user_id">>>,
                                       m::drop_foreign_key<"comments", m::names<"author">>,
                                       m::drop_foreign_key<"comments", m::names<"article">>,
                                       m::drop_table<"comments", m::acknowledge_data_loss>>>);
// Dropped things come back as the state before had them (column, table with its keys and indexes).
static_assert(std::is_same_v<m::downgrade_operations<r10>,
                             type_list<m::set_column<"comments", m::column_state<"text", std::string>, m::acknowledge_data_loss>,
                                       m::restore_column<"users", m::column_state<"active", bool, ctsql::default_value<true>>>,
                                       m::restore_table<m::table_in<m::state_before<r10>, "legacy">>,
                                       m::restore_column<"articles", m::column_state<"body", std::string>>>>);
// alter_column's inverse sets the column back exactly (type, nullability and default at once).
static_assert(std::is_same_v<m::detail::at<4, m::downgrade_operations<r07>>,
                             m::set_column<"users", m::column_state<"age", std::optional<std::int32_t>>, m::acknowledge_data_loss>>);
// A raw step's inverse runs the down SQL and undoes the declared effects.
static_assert(std::is_same_v<
              m::downgrade_operations<r11>,
              type_list<m::raw_sql_step<ctsql::raw_sql<R"(SELECT 1)">, ctsql::raw_sql<R"(UPDATE "articles" SET "views" = 0 WHERE "views" < 0)">>,
                        m::raw_sql_step<ctsql::raw_sql<R"(ALTER TABLE "users" DROP COLUMN "nickname")">,
                                        ctsql::raw_sql<R"(ALTER TABLE "users" ADD COLUMN "nickname" TEXT)">,
                                        m::drop_column<"users", "nickname", m::acknowledge_data_loss>>>>);
static_assert(std::is_same_v<m::downgrade_operations<e06>, type_list<m::restore_table<m::table_in<m::state_before<e06>, "entries">>>>);

// The downgrade restores the state before (a restored column comes back last: compared as a set).
static_assert(std::is_same_v<m::state_after_downgrade<r01>, m::empty_schema>);
static_assert(std::is_same_v<m::state_after_downgrade<r06>, m::state_before<r06>>);
static_assert(std::is_same_v<m::state_after_downgrade<r12>, m::state_before<r12>>);
static_assert(!std::is_same_v<m::state_after_downgrade<r10>, m::state_before<r10>>);
static_assert(m::first_difference_v<m::state_before<r10>, m::state_after_downgrade<r10>>.kind == m::difference::column_name);

// ---- checksums: of the rendered SQL per dialect, both directions, and the id -----------------------

static_assert(m::revision_checksum<lite, r01> == m::revision_checksum<lite, r01>);
static_assert(m::revision_checksum<lite, r01> != m::revision_checksum<pg, r01>);
static_assert(m::revision_checksum<lite, r05> != m::revision_checksum<lite, r06>);
// the same operations under another id are another revision
template <class Ops>
struct again;
template <class... Ops>
struct again<type_list<Ops...>> : m::revision<"0001-again", "users", m::base, Ops...> {};
static_assert(std::is_same_v<again<r01::operations>::operations, r01::operations>);
static_assert(ctsql::sql<lite>(m::upgrade<again<r01::operations>>{}) == ctsql::sql<lite>(m::upgrade<r01>{}));
static_assert(m::revision_checksum<lite, again<r01::operations>> != m::revision_checksum<lite, r01>);
// Hashed per operation, the checksum is the hash of the whole scripts (databases keep theirs).
template <class D, class R>
constexpr std::uint64_t whole_script_checksum =
    m::checksum(ctsql::sql<D>(m::upgrade<R>{})) ^ (m::checksum(ctsql::sql<D>(m::downgrade<R>{})) * 31u) ^ m::checksum(R::id.view());
static_assert(m::revision_checksum<lite, r01> == whole_script_checksum<lite, r01>);
static_assert(m::revision_checksum<pg, r06> == whole_script_checksum<pg, r06>);
static_assert(m::revision_checksum<lite, r10> == whole_script_checksum<lite, r10>);
static_assert(m::revision_checksum<pg, r12> == whole_script_checksum<pg, r12>);
static_assert(m::checksum("bc", m::checksum("a")) == m::checksum("abc"));
static_assert(m::checksum("") == 14695981039346656037ull);
static_assert(m::checksum("a") == 0xaf63dc4c8601ec8cull);  // FNV-1a test vector
