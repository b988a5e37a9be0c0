// The value form of declarations: what checks, rendering and (later) migrations work on.
#include "fixtures.hpp"

using namespace fx;

// Columns are found by Boost.PFR, in declaration order, with nothing listed twice.
static_assert(ctsql::columns_of<users_t>::size == 5);
static_assert(std::is_same_v<ctsql::detail::at<2, ctsql::columns_of<users_t>>, users_t::email_c>);

// A column knows its table, name, C++ type and nullability.
static_assert(std::is_same_v<decltype(users.email)::table_type, users_t>);
static_assert(std::is_same_v<users_t::age_c::cpp_type, std::optional<std::int32_t>>);
static_assert(std::is_same_v<users_t::age_c::value_type, std::int32_t>);
static_assert(users_t::age_c::nullable && !users_t::name_c::nullable);
static_assert(users_t::name_c::sql_name == ctsql::fixed_string{"name"});
static_assert(ctsql::column_type<users_t::id_c> && !ctsql::column_type<users_t>);
static_assert(ctsql::table_type<users_t> && !ctsql::table_type<users_t::id_c>);

constexpr const ctsql::table_spec& users_spec = ctsql::table_spec_of<users_t>;
static_assert(users_spec.name == "users");
static_assert(users_spec.columns.size() == 5);
static_assert(users_spec.columns[0].name == "id" && users_spec.columns[0].autoincrement);
static_assert(users_spec.columns[3].nullable && users_spec.columns[3].type.kind == ctsql::type_kind::integer &&
              users_spec.columns[3].type.bytes == 4);
static_assert(users_spec.column_named("score").type == ctsql::sql_type{ctsql::type_kind::real, 8, false});
static_assert(!users_spec.has_column("missing") && users_spec.has_column("age"));
static_assert(users_spec.primary_key.size() == 1 && users_spec.primary_key[0] == "id");
static_assert(users_spec.unique_keys.size() == 1 && users_spec.unique_keys[0][0] == "email");
static_assert(users_spec.indexes.size() == 2 && users_spec.indexes[1].unique &&
              users_spec.indexes[1].columns.size() == 2 && users_spec.indexes[1].table == "users");

constexpr const ctsql::table_spec& members = ctsql::table_spec_of<memberships_t>;
static_assert(members.primary_key.size() == 3 && members.primary_key[2] == "code");
static_assert(members.foreign_keys.size() == 2);  // column-level first, then table-level
static_assert(members.foreign_keys[0].target_table == "users" && members.foreign_keys[0].columns[0] == "user_id");
static_assert(members.foreign_keys[1].target_table == "groups" && members.foreign_keys[1].target_columns[1] == "code");
static_assert(members.foreign_keys[1].on_delete == ctsql::fk_action::cascade &&
              members.foreign_keys[1].on_update == ctsql::fk_action::restrict);
static_assert(members.column_named("since").default_value.kind == ctsql::default_kind::integer &&
              members.column_named("since").default_value.integer == -1);
static_assert(members.column_named("weight").default_value.kind == ctsql::default_kind::real &&
              members.column_named("weight").default_value.text == "0.5");

// Specs compare by value.
static_assert(ctsql::table_spec_of<users_t> == ctsql::table_spec_of<users_t>);
static_assert(!(ctsql::table_spec_of<users_t> == ctsql::table_spec_of<posts_t>));

// The SQL type of every supported C++ type; unsupported ones are rejected.
static_assert(ctsql::sql_type_of<std::uint16_t> == ctsql::sql_type{ctsql::type_kind::integer, 2, true});
static_assert(ctsql::sql_type_of<std::optional<bool>> == ctsql::sql_type{ctsql::type_kind::boolean, 1, false});
static_assert(ctsql::sql_type_of<ctsql::timestamp>.kind == ctsql::type_kind::timestamp);
static_assert(ctsql::sql_type_of<ctsql::blob>.kind == ctsql::type_kind::blob);
static_assert(!ctsql::is_column_type_v<char> && !ctsql::is_column_type_v<const char*>);
static_assert(!ctsql::is_column_type_v<std::optional<std::optional<int>>>);

// Rules hold for valid declarations.
static_assert(ctsql::table_is_valid<memberships_t> && ctsql::schema_is_valid<full_schema>);
