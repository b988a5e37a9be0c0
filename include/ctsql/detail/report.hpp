// How a broken rule becomes one diagnostic. Each rule is a class template in ctsql::error
// named after the mistake, whose arguments are the offending types (so the compiler prints
// the table and column involved) and whose body holds one static_assert with the stable ID:
//
//   error: static assertion failed: ctsql[E001] two columns of this table have the same SQL name
//   note: in instantiation of 'ctsql::error::duplicate_column_name<users_t, users_t::name_c>'
//
// Checks do not instantiate rules: they return a verdict naming the first broken rule (or
// no_error). The entry point (rendering, a builder call) then fires it with
//   static_assert(enforce<rule_of<Verdict>>::ok);
// which instantiates only that rule, inside the enforce class: its static_assert is the one
// error printed, the enclosing function or constant stays valid, and renderers write no SQL
// for a broken statement, so nothing downstream cascades.
#pragma once

#include <type_traits>

namespace ctsql::detail {

struct no_error {};

template <class Rule>
struct verdict {
    using rule = Rule;
    static constexpr bool ok = std::is_same_v<Rule, no_error>;
};

using passed = verdict<no_error>;

// The verdict that Rule is broken (Rule is not instantiated here).
template <class Rule>
constexpr verdict<Rule> report() noexcept {
    return {};
}

constexpr passed pass() noexcept {
    return {};
}

template <class V>
using rule_of = typename V::rule;

}  // namespace ctsql::detail

namespace ctsql::detail {

// The first failed verdict of several (passed when all passed).
template <class... Verdicts>
struct first_failure_impl {
    using type = passed;
};
template <class V, class... Rest>
struct first_failure_impl<V, Rest...> {
    using type = std::conditional_t<V::ok, typename first_failure_impl<Rest...>::type, V>;
};
template <class... Verdicts>
using first_failure = typename first_failure_impl<Verdicts...>::type;

// Fires Rule (when it is not no_error) from inside a class, so the enclosing function or
// constant stays valid and no second error follows: static_assert(enforce<Rule>::ok).
template <class Rule>
struct enforce {
    static_assert(sizeof(Rule) != 0);
    static constexpr bool ok = true;
};

// The rule to fire for several checks: static_assert(enforce<broken_rule<V...>>::ok).
template <class... Verdicts>
using broken_rule = rule_of<first_failure<Verdicts...>>;

}  // namespace ctsql::detail
