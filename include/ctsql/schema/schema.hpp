// A schema: the tables of one database, e.g. using app_schema = ctsql::schema<users_t, posts_t>;
#pragma once

#include "ctsql/detail/type_list.hpp"
#include "ctsql/schema/table.hpp"

namespace ctsql {

template <table_type... Tables>
struct schema {
    using table_list = type_list<Tables...>;
    static constexpr std::size_t table_count = sizeof...(Tables);
};

template <class S>
concept schema_type = requires { typename S::table_list; };

}  // namespace ctsql
