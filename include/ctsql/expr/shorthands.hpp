// The member shorthands of columns (users.name.desc(), users.name.to(v), ...), implemented
// by the free functions of this layer.
#pragma once

#include <cstddef>
#include <type_traits>

#include "ctsql/detail/type_list.hpp"
#include "ctsql/expr/assignment.hpp"
#include "ctsql/expr/predicates.hpp"
#include "ctsql/expr/select_items.hpp"
#include "ctsql/schema/column.hpp"
#include "ctsql/schema/table.hpp"

namespace ctsql {

namespace detail {
template <class Base>
struct declared_column {
    using columns = columns_of<typename Base::table_type>;
    static constexpr std::size_t position = []<class... Cs>(type_list<Cs...>) {
        const bool flags[] = {false, std::is_base_of_v<Base, Cs>...};
        return first_true(flags);
    }(columns{});
    using type = typename std::conditional_t<position == npos, std::type_identity<Base>,
                                             at_impl<position == npos ? 0 : position, columns>>::type;
};
}  // namespace detail

template <fixed_string Alias, class C>
constexpr auto expression_shorthand(shorthand::as<Alias>, const C& c) {
    return as<Alias>(c);
}
template <class C>
constexpr auto expression_shorthand(shorthand::asc, const C& c) {
    return asc(c);
}
template <class C>
constexpr auto expression_shorthand(shorthand::desc, const C& c) {
    return desc(c);
}
template <class C>
constexpr auto expression_shorthand(shorthand::is_null, const C& c) {
    return is_null(c);
}
template <class C>
constexpr auto expression_shorthand(shorthand::is_not_null, const C& c) {
    return is_not_null(c);
}
template <class C, class V>
constexpr auto expression_shorthand(shorthand::to, const C& c, const V& v) {
    return set(c, v);
}
template <class C, class P>
constexpr auto expression_shorthand(shorthand::like, const C& c, const P& p) {
    return like(c, p);
}
template <class C, class... Items>
constexpr auto expression_shorthand(shorthand::in, const C& c, const Items&... items) {
    return in(c, items...);
}
template <class C, class L, class H>
constexpr auto expression_shorthand(shorthand::between, const C& c, const L& l, const H& h) {
    return between(c, l, h);
}

}  // namespace ctsql
