// The migration rules (E080-E097) as verdicts: which rule a mistaken revision or chain breaks,
// with the names it carries, checked without firing the rule (the compile-fail tests fire them).
#include <type_traits>

#include "migrate_fixtures.hpp"

using namespace mfx;
using m::name_of;

namespace {

template <class Verdict, template <class...> class Rule>
inline constexpr bool breaks = false;
template <template <class...> class Rule, class... Args>
inline constexpr bool breaks<ctsql::detail::verdict<Rule<Args...>>, Rule> = true;

template <class R>
using revision_verdict = decltype(m::check_revision<R>());
template <class Chain>
using chain_verdict = decltype(m::check_chain<Chain>());
template <class Chain, class Schema>
using model_verdict = decltype(m::detail::check_chain_yields<m::model_state<Schema>, m::state_after<typename Chain::head>>());

template <class V>
using rule = ctsql::detail::rule_of<V>;

}  // namespace

struct b1 : m::revision<"b1", "users", m::base,
                        m::create_table<"users", col<"id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
                                        col<"name", std::string>, m::index_on<"users_by_name", "name">>> {};
struct b2 : m::revision<"b2", "posts", b1,
                        m::create_table<"posts", col<"id", std::int64_t, ctsql::primary_key, ctsql::autoincrement>,
                                        col<"author", std::int64_t, m::references<"users", "id">>, col<"title", std::string>,
                                        col<"views", std::int64_t, ctsql::default_value<0>>>> {};
static_assert(revision_verdict<b1>::ok && revision_verdict<b2>::ok);

template <class... Ops>
struct b3 : m::revision<"b3", "change", b2, Ops...> {};

// ---- E080: the chain does not yield the model ---------------------------------------------------

struct users_model {
    static constexpr ctsql::fixed_string sql_name = "users";
    struct id_c : ctsql::column<users_model, "id", std::int64_t, ctsql::primary_key, ctsql::autoincrement> {} id;
    struct name_c : ctsql::column<users_model, "name", std::string> {} name;
    struct by_name : ctsql::index<"users_by_name", name_c> {};
    using indexes = ctsql::indexes<by_name>;
};
static_assert(model_verdict<m::chain<b1>, ctsql::schema<users_model>>::ok);
static_assert(std::is_same_v<rule<model_verdict<m::chain<b1, b2>, ctsql::schema<users_model>>>,
                             m::error::chain_does_not_yield_model<m::kind::table_not_in_model, name_of<"posts">, m::sql_name<>>>);
static_assert(std::is_same_v<rule<model_verdict<m::chain<b1, b3<m::rename_column<"users", "name", "full_name">>>, ctsql::schema<users_model>>>,
                             m::error::chain_does_not_yield_model<m::kind::column_name_differs, name_of<"users">, name_of<"name">>>);

// ---- E081-E085, E088, E089, E091, E092: operations that do not fit the state before them --------

using create_users_again = m::create_table<"users", col<"id", std::int64_t, ctsql::primary_key>>;
static_assert(std::is_same_v<rule<revision_verdict<b3<create_users_again>>>,
                             m::error::table_already_exists<create_users_again, name_of<"users">>>);
static_assert(breaks<revision_verdict<b3<m::rename_table<"posts", "users">>>, m::error::table_already_exists>);
static_assert(breaks<revision_verdict<b3<m::create_table<"tags", col<"id", std::int64_t>>, m::create_table<"tags", col<"id", std::int64_t>>>>,
                     m::error::table_already_exists>);

static_assert(std::is_same_v<rule<revision_verdict<b3<m::drop_table<"post", m::acknowledge_data_loss>>>>,
                             m::error::table_does_not_exist<m::drop_table<"post", m::acknowledge_data_loss>, name_of<"post">>>);
static_assert(breaks<revision_verdict<b3<m::rename_table<"post", "articles">>>, m::error::table_does_not_exist>);
static_assert(breaks<revision_verdict<b3<m::rename_column<"post", "title", "headline">>>, m::error::table_does_not_exist>);

static_assert(std::is_same_v<rule<revision_verdict<b3<m::add_column<"users", col<"name", std::optional<std::string>>>>>>,
                             m::error::column_already_exists<m::add_column<"users", col<"name", std::optional<std::string>>>,
                                                             name_of<"users">, name_of<"name">>>);
static_assert(breaks<revision_verdict<b3<m::rename_column<"users", "name", "id">>>, m::error::column_already_exists>);

static_assert(std::is_same_v<rule<revision_verdict<b3<m::rename_column<"users", "nmae", "full_name">>>>,
                             m::error::column_does_not_exist<m::rename_column<"users", "nmae", "full_name">, name_of<"users">, name_of<"nmae">>>);
static_assert(breaks<revision_verdict<b3<m::drop_column<"posts", "body", m::acknowledge_data_loss>>>, m::error::column_does_not_exist>);

static_assert(breaks<revision_verdict<b3<m::drop_table<"posts">>>, m::error::data_loss_not_acknowledged>);
static_assert(breaks<revision_verdict<b3<m::drop_column<"posts", "title">>>, m::error::data_loss_not_acknowledged>);
static_assert(breaks<revision_verdict<b3<m::alter_column<"posts", "views", m::to_type<std::int32_t>>>>, m::error::data_loss_not_acknowledged>);
static_assert(breaks<revision_verdict<b3<m::alter_column<"posts", "title", m::to_type<std::int64_t>>>>, m::error::data_loss_not_acknowledged>);
static_assert(breaks<revision_verdict<b3<m::alter_column<"posts", "views", m::to_type<double>>>>, m::error::data_loss_not_acknowledged>);
static_assert(breaks<revision_verdict<b3<m::alter_column<"posts", "views", m::to_type<std::uint64_t>>>>, m::error::data_loss_not_acknowledged>);
// widening, or to text, loses nothing
static_assert(revision_verdict<b3<m::alter_column<"posts", "views", m::to_type<std::string>, m::set_default<"0">>>>::ok);
// (a default must fit the new type: the integer default left alone would not)
static_assert(!revision_verdict<b3<m::alter_column<"posts", "views", m::to_type<std::string>>>>::ok);
static_assert(revision_verdict<b3<m::alter_column<"posts", "title", m::set_nullable>, m::alter_column<"posts", "views", m::set_default<5>>>>::ok);
static_assert(revision_verdict<b3<m::alter_column<"posts", "views", m::to_type<std::int16_t>, m::acknowledge_data_loss>>>::ok);

static_assert(std::is_same_v<rule<revision_verdict<b3<m::add_column<"posts", col<"subtitle", std::string>>>>>,
                             m::error::not_null_column_needs_default<m::add_column<"posts", col<"subtitle", std::string>>,
                                                                      name_of<"posts">, name_of<"subtitle">>>);
static_assert(revision_verdict<b3<m::add_column<"posts", col<"subtitle", std::string, ctsql::default_value<"">>>>>::ok);
static_assert(revision_verdict<b3<m::add_column<"posts", col<"subtitle", std::optional<std::string>>>>>::ok);

static_assert(std::is_same_v<rule<revision_verdict<b3<m::drop_column<"users", "name", m::acknowledge_data_loss>>>>,
                             m::error::column_in_use<m::drop_column<"users", "name", m::acknowledge_data_loss>, name_of<"users">, name_of<"name">>>);
static_assert(breaks<revision_verdict<b3<m::drop_column<"posts", "author", m::acknowledge_data_loss>>>, m::error::column_in_use>);
static_assert(breaks<revision_verdict<b3<m::drop_column<"users", "id", m::acknowledge_data_loss>>>, m::error::column_in_use>);
static_assert(revision_verdict<b3<m::drop_index<"users", "users_by_name">, m::drop_column<"users", "name", m::acknowledge_data_loss>>>::ok);

static_assert(std::is_same_v<rule<revision_verdict<b3<m::drop_index<"users", "users_by_nmae">>>>,
                             m::error::index_does_not_exist<m::drop_index<"users", "users_by_nmae">, name_of<"users">, name_of<"users_by_nmae">>>);
static_assert(breaks<revision_verdict<b3<m::drop_unique<"users", "name">>>, m::error::index_does_not_exist>);
static_assert(breaks<revision_verdict<b3<m::drop_foreign_key<"posts", m::names<"title">>>>, m::error::index_does_not_exist>);

static_assert(breaks<revision_verdict<b3<m::create_table<"tags", col<"id", std::int64_t, ctsql::primary_key>, m::primary_key_on<"id">>>>,
                     m::error::invalid_table_definition>);
static_assert(breaks<revision_verdict<b3<m::add_column<"posts", col<"code", std::optional<std::string>, ctsql::unique>>>>,
                     m::error::invalid_table_definition>);
static_assert(std::is_same_v<rule<revision_verdict<b3<m::alter_column<"users", "id", m::set_nullable>>>>,
                             m::error::operation_leaves_invalid_schema<m::alter_column<"users", "id", m::set_nullable>,
                                                                       m::kind::primary_key_column_nullable, name_of<"users">, name_of<"id">>>);
static_assert(std::is_same_v<rule<revision_verdict<b3<m::create_table<"tags", col<"a", std::int64_t>, col<"a", std::string>>>>>,
                             m::error::operation_leaves_invalid_schema<m::create_table<"tags", col<"a", std::int64_t>, col<"a", std::string>>,
                                                                       m::kind::duplicate_column, name_of<"tags">, name_of<"a">>>);
static_assert(breaks<revision_verdict<b3<m::create_index<"posts", m::index_on<"posts_by_body", "body">>>>,
                     m::error::operation_leaves_invalid_schema>);
static_assert(breaks<revision_verdict<b3<m::add_unique<"posts", "body">>>, m::error::operation_leaves_invalid_schema>);

// ---- E093, E094: the chain's shape ------------------------------------------------------------------

struct b2_same_id : m::revision<"b1", "posts", b1, m::create_table<"posts", col<"id", std::int64_t, ctsql::primary_key>>> {};
static_assert(std::is_same_v<rule<chain_verdict<m::chain<b1, b2_same_id>>>, m::error::duplicate_revision_id<b2_same_id, m::chain<b1, b2_same_id>>>);
static_assert(std::is_same_v<rule<chain_verdict<m::chain<b2, b1>>>, m::error::revision_parent_is_not_previous<b2, m::chain<b2, b1>>>);
static_assert(breaks<chain_verdict<m::chain<b1, b3<>>>, m::error::revision_parent_is_not_previous>);  // b2 skipped
static_assert(chain_verdict<m::chain<b1, b2, b3<>>>::ok);
// a failing revision anywhere in the chain is the chain's verdict
static_assert(breaks<chain_verdict<m::chain<b1, b2, b3<m::drop_table<"posts">>>>, m::error::data_loss_not_acknowledged>);

// ---- E095: derived downgrades restore by construction ------------------------------------------------
// Every operation's inverse is computed from the state before it, so check_revision's E095 check
// has no reachable failure with the operations above; the rule is there for explicit downgrades.

// ---- Rules reported from the state an operation leaves -------------------------------------------

// Dropping a table another table still references: E086.
static_assert(breaks<revision_verdict<b3<m::drop_table<"users", m::acknowledge_data_loss>>>, m::error::table_still_referenced>);
// A foreign key to a missing table or column: E087.
static_assert(breaks<revision_verdict<b3<m::add_foreign_key<"posts", m::foreign_key_on<m::names<"author">, "user", m::names<"id">>>>>,
                     m::error::foreign_key_target_missing>);
static_assert(breaks<revision_verdict<b3<m::add_foreign_key<"posts", m::foreign_key_on<m::names<"author">, "users", m::names<"uid">>>>>,
                     m::error::foreign_key_target_missing>);
// A duplicate index name: E090.
static_assert(breaks<revision_verdict<b3<m::create_index<"posts", m::index_on<"users_by_name", "title">>>>, m::error::index_already_exists>);
// A foreign key whose type or column count differs from its target: E096.
static_assert(breaks<revision_verdict<b3<m::add_foreign_key<"posts", m::foreign_key_on<m::names<"title">, "users", m::names<"id">>>>>,
                     m::error::foreign_key_does_not_match_target>);
// ---- Operations naming a missing table or column that the check cannot reach ----------------------
// check_ops computes the next state (Op::apply) before looking at the verdict, so an operation
// whose apply needs the table or column fails hard (no ctsql ID, 60-95 lines) instead of E082/E084:
// on a missing table add_column, drop_column, alter_column, create_index, drop_index, add_unique,
// drop_unique, add_foreign_key, drop_foreign_key (and a raw_sql_step with such an effect); on a
// missing column alter_column. drop_table, rename_table and rename_column report E082/E084.
// Operations on a missing table (or column) report E082/E084: later operations are not applied.
static_assert(breaks<revision_verdict<b3<m::drop_index<"post", "posts_by_title">>>, m::error::table_does_not_exist>);
static_assert(breaks<revision_verdict<b3<m::add_column<"post", col<"subtitle", std::optional<std::string>>>>>, m::error::table_does_not_exist>);
static_assert(breaks<revision_verdict<b3<m::create_index<"post", m::index_on<"posts_by_title", "title">>>>, m::error::table_does_not_exist>);
static_assert(breaks<revision_verdict<b3<m::add_unique<"post", "title">>>, m::error::table_does_not_exist>);
static_assert(breaks<revision_verdict<b3<m::alter_column<"posts", "body", m::set_nullable>>>, m::error::column_does_not_exist>);

// ---- Table rules the model enforces (E004, E006, E010, E015, E019, E022) but migration states do not
// The model's table rules hold for migration states too (reported as E092).
static_assert(!revision_verdict<b3<m::create_table<"t", col<"id", std::int32_t, ctsql::primary_key>,
                                                   col<"n", std::int32_t, ctsql::default_value<"abc">>>>>::ok);  // E006
static_assert(!revision_verdict<b3<m::create_table<"t", col<"id", std::string, ctsql::primary_key, ctsql::autoincrement>>>>::ok);  // E004
static_assert(!revision_verdict<b3<m::create_table<"t", col<"", std::int32_t>>>>::ok);                       // E010
static_assert(!revision_verdict<b3<m::create_table<"t", col<"a", std::int32_t>, m::unique_on<"a", "a">>>>::ok);  // E019
static_assert(!revision_verdict<b3<m::create_table<"t">>>::ok);                                                  // no columns
static_assert(!revision_verdict<b3<m::alter_column<"posts", "views", m::to_type<std::string>, m::set_default<"x">,
                                                   m::to_type<std::int64_t>, m::acknowledge_data_loss>>>::ok);  // E006
