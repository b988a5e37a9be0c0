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
struct referenced_table_of_impl {
    using type = void;  // a foreign key without columns (reported as ctsql[E017]) references none
};
template <class FK>
    requires(FK::target_column_list::size != 0)
struct referenced_table_of_impl<FK> {
    using type = typename at<0, typename FK::target_column_list>::table_type;
};
template <class FK>
using referenced_table_of = typename referenced_table_of_impl<FK>::type;

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
                for (std::size_t j : {npos, index_of<Refs, list>...})  // npos: outside the schema (E012)
                    if (j != npos && j != i) m[i][j] = true;
            }(typename referenced_tables<T>::type{});
            ++i;
        }(std::type_identity<Tables>{}), ...);
        return m;
    }();

    struct result {
        std::array<std::size_t, count> order{};
        std::size_t placed = 0;  // < count when a cycle blocks the rest
        std::size_t first_blocked = npos;  // a table on a cycle, when there is one
        std::size_t blocked_by = npos;     // a table of the same cycle that it references
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
        // Tables left over are on a cycle or depend on one; peel off those that no remaining
        // table references until only cycle members are left, so the diagnostic names one.
        std::array<bool, count> left{};
        for (std::size_t i = 0; i != count; ++i) left[i] = !done[i];
        for (bool peeled = true; peeled;) {
            peeled = false;
            for (std::size_t i = 0; i != count; ++i) {
                if (!left[i]) continue;
                bool referenced = false;
                for (std::size_t j = 0; j != count; ++j) referenced = referenced || (left[j] && depends[j][i]);
                if (!referenced) {
                    left[i] = false;
                    peeled = true;
                }
            }
        }
        for (std::size_t i = 0; i != count && r.first_blocked == npos; ++i)
            if (left[i]) r.first_blocked = i;
        if (r.first_blocked != npos)
            for (std::size_t j = 0; j != count && r.blocked_by == npos; ++j)
                if (left[j] && depends[r.first_blocked][j]) r.blocked_by = j;
        return r;
    }();
};

template <class Schema>
using creation_order = creation_order_impl<typename Schema::table_list>;

}  // namespace ctsql::detail
