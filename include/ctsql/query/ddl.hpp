// DDL statements as types. Each is an empty value whose type says everything; its SQL is
// rendered at compile time by ctsql::sql<Dialect>(statement).
//
//   ctsql::create_table(users)                 CREATE TABLE "users" (...)
//   ctsql::create_table(users).if_not_exists() CREATE TABLE IF NOT EXISTS "users" (...)
//   ctsql::drop_table(users).if_exists()       DROP TABLE IF EXISTS "users"
//   ctsql::create_index<posts_t::by_author>()  CREATE INDEX "posts_by_author" ON "posts" (...)
//   ctsql::drop_index<posts_t::by_author>()    DROP INDEX "posts_by_author"
//   ctsql::create_all<app_schema>()            every table (in foreign-key order), then indexes
//   ctsql::drop_all<app_schema>()              every table, in reverse order
#pragma once

#include <cstddef>
#include <utility>

#include "ctsql/detail/type_list.hpp"
#include "ctsql/schema/creation_order.hpp"
#include "ctsql/schema/index.hpp"
#include "ctsql/schema/schema.hpp"
#include "ctsql/schema/table.hpp"

namespace ctsql {

template <table_type Table, bool IfNotExists = false>
struct create_table_statement {
    using table = Table;
    static constexpr bool guarded = IfNotExists;
    constexpr create_table_statement<Table, true> if_not_exists() const noexcept { return {}; }
};

template <table_type Table, bool IfExists = false>
struct drop_table_statement {
    using table = Table;
    static constexpr bool guarded = IfExists;
    constexpr drop_table_statement<Table, true> if_exists() const noexcept { return {}; }
};

template <index_type Index, bool IfNotExists = false>
struct create_index_statement {
    using index = Index;
    static constexpr bool guarded = IfNotExists;
    constexpr create_index_statement<Index, true> if_not_exists() const noexcept { return {}; }
};

template <index_type Index, bool IfExists = false>
struct drop_index_statement {
    using index = Index;
    static constexpr bool guarded = IfExists;
    constexpr drop_index_statement<Index, true> if_exists() const noexcept { return {}; }
};

// Several statements run in order; rendered as one script ("...;\n...;").
template <class... Statements>
struct statement_list {
    using list = type_list<Statements...>;
    static constexpr std::size_t size = sizeof...(Statements);
};

template <table_type Table>
constexpr create_table_statement<Table> create_table(const Table& = {}) noexcept {
    return {};
}
template <table_type Table>
constexpr drop_table_statement<Table> drop_table(const Table& = {}) noexcept {
    return {};
}
template <index_type Index>
constexpr create_index_statement<Index> create_index() noexcept {
    return {};
}
template <index_type Index>
constexpr drop_index_statement<Index> drop_index() noexcept {
    return {};
}

namespace detail {

template <class Schema, class Order, class Sequence>
struct ordered_tables;
template <class Schema, class Order, std::size_t... K>
struct ordered_tables<Schema, Order, std::index_sequence<K...>> {
    using type = type_list<at<Order::value.order[K], typename Schema::table_list>...>;
};
template <class Schema>
using tables_in_creation_order =
    typename ordered_tables<Schema, creation_order<Schema>,
                            std::make_index_sequence<Schema::table_count>>::type;

template <class Tables>
struct reversed;
template <class... Ts>
struct reversed<type_list<Ts...>> {
    template <class Seq>
    struct by;
    template <std::size_t... I>
    struct by<std::index_sequence<I...>> {
        using type = type_list<at<sizeof...(Ts) - 1 - I, type_list<Ts...>>...>;
    };
    using type = typename by<std::index_sequence_for<Ts...>>::type;
};

template <class Tables, bool IfNotExists>
struct create_all_list;
template <class... Tables, bool IfNotExists>
struct create_all_list<type_list<Tables...>, IfNotExists> {
    template <class Indexes>
    struct with;
    template <class... Indexes>
    struct with<type_list<Indexes...>> {
        using type = statement_list<create_table_statement<Tables, IfNotExists>...,
                                    create_index_statement<Indexes, IfNotExists>...>;
    };
    using type = typename with<concat<indexes_of<Tables>...>>::type;
};

template <class Tables, bool IfExists>
struct drop_all_list;
template <class... Tables, bool IfExists>
struct drop_all_list<type_list<Tables...>, IfExists> {
    using type = statement_list<drop_table_statement<Tables, IfExists>...>;
};

}  // namespace detail

// CREATE TABLE for every table of the schema (referenced tables first), then CREATE INDEX.
template <schema_type Schema, bool IfNotExists = false>
struct create_all_statement {
    using schema = Schema;
    using statements =
        typename detail::create_all_list<detail::tables_in_creation_order<Schema>, IfNotExists>::type;
    constexpr create_all_statement<Schema, true> if_not_exists() const noexcept { return {}; }
};

// DROP TABLE for every table of the schema, referencing tables first (indexes go with them).
template <schema_type Schema, bool IfExists = false>
struct drop_all_statement {
    using schema = Schema;
    using statements = typename detail::drop_all_list<
        typename detail::reversed<detail::tables_in_creation_order<Schema>>::type, IfExists>::type;
    constexpr drop_all_statement<Schema, true> if_exists() const noexcept { return {}; }
};

template <schema_type Schema>
constexpr create_all_statement<Schema> create_all() noexcept {
    return {};
}
template <schema_type Schema>
constexpr drop_all_statement<Schema> drop_all() noexcept {
    return {};
}

}  // namespace ctsql
