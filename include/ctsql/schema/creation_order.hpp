// The order in which a schema's tables can be created: every table after the tables its
// foreign keys reference (PostgreSQL requires it). Computed at compile time (Kahn's
// algorithm over the dependency matrix); a self-reference is no dependency.
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>

#include "ctsql/detail/type_list.hpp"
#include "ctsql/schema/schema.hpp"
#include "ctsql/schema/table_spec.hpp"

namespace ctsql::detail {

template <class FK>
using referenced_table_of = typename at<0, typename FK::target_column_list>::table_type;

// Tables that Table's foreign keys reference.
template <class Table>
struct referenced_tables;
template <class Table>
    requires(foreign_keys_of<Table>::size == 0)
struct referenced_tables<Table> {
    using type = type_list<>;
};
template <class Table>
    requires(foreign_keys_of<Table>::size != 0)
struct referenced_tables<Table> {
    template <class List>
    struct of;
    template <class... FKs>
    struct of<type_list<FKs...>> {
        using type = type_list<referenced_table_of<FKs>...>;
    };
    using type = typename of<foreign_keys_of<Table>>::type;
};

template <class Tables>
struct creation_order_impl;
template <class... Tables>
struct creation_order_impl<type_list<Tables...>> {
    static constexpr std::size_t count = sizeof...(Tables);
    using list = type_list<Tables...>;

    // depends[i][j]: table i references table j (j != i).
    static constexpr std::array<std::array<bool, count>, count> depends = [] {
        std::array<std::array<bool, count>, count> m{};
        std::size_t i = 0;
        ([&]<class T>(std::type_identity<T>) {
            [&]<class... Refs>(type_list<Refs...>) {
                for (std::size_t j : {npos, index_of<Refs, list>...})
                    if (j != npos && j != i) m[i][j] = true;
            }(typename referenced_tables<T>::type{});
            ++i;
        }(std::type_identity<Tables>{}), ...);
        return m;
    }();

    struct result {
        std::array<std::size_t, count> order{};
        std::size_t placed = 0;  // < count when a cycle blocks the rest
        std::size_t first_blocked = npos;
    };

    static constexpr result value = [] {
        result r;
        std::array<bool, count> done{};
        bool progress = true;
        while (progress && r.placed != count) {
            progress = false;
            for (std::size_t i = 0; i != count; ++i) {  // declaration order among ready tables
                if (done[i]) continue;
                bool ready = true;
                for (std::size_t j = 0; j != count; ++j)
                    if (depends[i][j] && !done[j]) ready = false;
                if (ready) {
                    done[i] = true;
                    r.order[r.placed++] = i;
                    progress = true;
                    break;
                }
            }
        }
        for (std::size_t i = 0; i != count && r.first_blocked == npos; ++i)
            if (!done[i]) r.first_blocked = i;
        return r;
    }();
};

template <class Schema>
using creation_order = creation_order_impl<typename Schema::table_list>;

}  // namespace ctsql::detail
