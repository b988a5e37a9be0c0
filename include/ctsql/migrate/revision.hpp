// Revisions and chains.
//
//   struct r0001 : ctsql::migrate::revision<"0001", "create users", ctsql::migrate::base,
//                                           create_table<"users", col<"id", std::int64_t, ctsql::primary_key>>> {};
//   struct r0002 : ctsql::migrate::revision<"0002", "add email", r0001,
//                                           add_column<"users", col<"email", std::optional<std::string>>>> {};
//   using history = ctsql::migrate::chain<r0001, r0002>;
//   static_assert(ctsql::migrate::chain_yields<history, app_schema>);   // the proof
//
// Every operation is checked against the schema as it is at its point of the chain; each
// revision's downgrade (derived from the states) must restore the schema before it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>

#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/detail/writer.hpp"
#include "ctsql/migrate/compare.hpp"
#include "ctsql/migrate/model_state.hpp"
#include "ctsql/migrate/ops.hpp"
#include "ctsql/migrate/rules.hpp"
#include "ctsql/migrate/state.hpp"
#include "ctsql/render/statement_renderer.hpp"

namespace ctsql::migrate {

// The schema before the first revision: empty.
struct base {
    static constexpr fixed_string id = "";
    static constexpr fixed_string message = "";
    using operations = type_list<>;
};

template <fixed_string Id, fixed_string Message, class Parent, class... Ops>
struct revision {
    static constexpr auto id = Id;
    static constexpr auto message = Message;
    using parent = Parent;
    using operations = type_list<Ops...>;
};

namespace detail {

template <class S, class Ops>
struct fold_ops;
template <class S>
struct fold_ops<S, type_list<>> {
    using type = S;
};
template <class S, class First, class... Rest>
struct fold_ops<S, type_list<First, Rest...>> {
    using type = typename fold_ops<typename First::template apply<S>, type_list<Rest...>>::type;
};

}  // namespace detail

// The schema state after revision R (and every revision before it).
template <class R>
struct state_after_impl {
    using type = typename detail::fold_ops<typename state_after_impl<typename R::parent>::type, typename R::operations>::type;
};
template <>
struct state_after_impl<base> {
    using type = empty_schema;
};
template <class R>
using state_after = typename state_after_impl<R>::type;

template <class R>
using state_before = state_after<typename R::parent>;

namespace detail {

template <class Ops>
struct inverse_list;
template <class... Ops>
struct inverse_list<type_list<Ops...>> {
    template <class S>
    using type = typename inverse_ops<S, Ops...>::type;
};

// Operation checks in order, each against the state before it; stops at the first failure.
template <class S, class Ops>
struct check_ops;
template <class S>
struct check_ops<S, type_list<>> {
    using type = ctsql::detail::passed;
};
template <class S, class First, class... Rest>
struct check_ops<S, type_list<First, Rest...>> {
    using first = decltype(First::template check<S>());
    // The next operation is checked (and First applied) only when First passed: applying an
    // operation that does not fit its schema is not defined.
    template <bool Ok, class = void>
    struct next {
        using type = first;
    };
    template <class Unused>
    struct next<true, Unused> {
        using type = typename check_ops<typename First::template apply<S>, type_list<Rest...>>::type;
    };
    using type = typename next<first::ok>::type;
};

// Columns compared as a set: a dropped column that a downgrade restores comes back last.
constexpr bool same_tables_ignoring_column_order(const table_spec& a, const table_spec& b) noexcept {
    if (a.name != b.name || a.columns.size() != b.columns.size()) return false;
    for (const auto& c : a.columns)
        if (!b.has_column(c.name) || !(b.column_named(c.name) == c)) return false;
    return a.primary_key == b.primary_key && same_set(a.unique_keys, b.unique_keys) &&
           same_set(a.foreign_keys, b.foreign_keys) && same_set(a.indexes, b.indexes);
}
template <std::size_t M, std::size_t N>
constexpr bool same_schema_ignoring_column_order(const std::array<const table_spec*, M>& a,
                                                 const std::array<const table_spec*, N>& b) noexcept {
    if (M != N) return false;
    for (const table_spec* t : a) {
        bool found = false;
        for (const table_spec* u : b) found = found || (t->name == u->name && same_tables_ignoring_column_order(*t, *u));
        if (!found) return false;
    }
    return true;
}

}  // namespace detail

// The operations undoing revision R, in order.
template <class R>
using downgrade_operations = typename detail::inverse_list<typename R::operations>::template type<state_before<R>>;

template <class R>
using state_after_downgrade = typename detail::fold_ops<state_after<R>, downgrade_operations<R>>::type;

template <class R>
constexpr auto check_revision() {
    using ops = typename detail::check_ops<state_before<R>, typename R::operations>::type;
    if constexpr (!ops::ok)
        return ops{};
    else if constexpr (!detail::same_schema_ignoring_column_order(state_specs<state_after_downgrade<R>>::value,
                                                                  state_specs<state_before<R>>::value))
        return ctsql::detail::report<error::downgrade_does_not_restore<R, downgrade_operations<R>>>();
    else
        return ctsql::detail::pass();
}

namespace detail {
// The last revision of a chain; base for an empty one (a freshly scaffolded project).
template <class... Revisions>
struct head_of {
    using type = at<sizeof...(Revisions) - 1, type_list<Revisions...>>;
};
template <>
struct head_of<> {
    using type = base;
};
}  // namespace detail

template <class... Revisions>
struct chain {
    using revisions = type_list<Revisions...>;
    static constexpr std::size_t size = sizeof...(Revisions);
    using head = typename detail::head_of<Revisions...>::type;
};

namespace detail {

template <class Revisions>
struct check_links;
template <class... Rs>
struct check_links<type_list<Rs...>> {
    using list = type_list<Rs...>;
    static constexpr std::size_t duplicate = [] {
        constexpr std::array<std::string_view, sizeof...(Rs)> ids{Rs::id.view()...};  // std::array: may be empty
        for (std::size_t i = 0; i != sizeof...(Rs); ++i)
            for (std::size_t j = 0; j != i; ++j)
                if (ids[i] == ids[j]) return i;
        return npos;
    }();
    static constexpr std::size_t broken_link = []<std::size_t... I>(std::index_sequence<I...>) {
        const bool flags[] = {false, !std::is_same_v<typename Rs::parent, std::conditional_t<I == 0, base, at<(I == 0 ? 0 : I - 1), list>>>...};
        return first_true(flags);
    }(std::index_sequence_for<Rs...>{});
};

// Revisions in order, stopping at the first that fails (the ones after it build on its state).
template <class Revisions>
struct check_each_revision {
    using type = ctsql::detail::passed;
};
template <class R, class... Rest>
struct check_each_revision<type_list<R, Rest...>> {
    using first = decltype(check_revision<R>());
    template <bool Ok, class = void>
    struct next {
        using type = first;
    };
    template <class Unused>
    struct next<true, Unused> {
        using type = typename check_each_revision<type_list<Rest...>>::type;
    };
    using type = typename next<first::ok>::type;
};

}  // namespace detail

template <class Chain>
constexpr auto check_chain() {
    using links = detail::check_links<typename Chain::revisions>;
    if constexpr (links::duplicate != detail::npos)
        return ctsql::detail::report<error::duplicate_revision_id<detail::at<links::duplicate, typename Chain::revisions>, Chain>>();
    else if constexpr (links::broken_link != detail::npos)
        return ctsql::detail::report<error::revision_parent_is_not_previous<detail::at<links::broken_link, typename Chain::revisions>,
                                                                            Chain>>();
    else
        return typename detail::check_each_revision<typename Chain::revisions>::type{};
}

// The chain is well-formed, every operation fits, every downgrade restores, and replaying it
// yields Schema (a ctsql::schema<...> of the model's tables). Otherwise the first broken rule
// is a compile error; use as static_assert(ctsql::migrate::chain_yields<Chain, Schema>).
template <class Chain, class Schema>
struct proof {
    using chain_verdict = decltype(check_chain<Chain>());
    using verdict = std::conditional_t<!chain_verdict::ok, chain_verdict,
                                       decltype(detail::check_chain_yields<model_state<Schema>, state_after<typename Chain::head>>())>;
    static_assert(::ctsql::detail::enforce<ctsql::detail::rule_of<verdict>>::ok);
    static constexpr bool value = verdict::ok;
};

template <class Chain, class Schema>
inline constexpr bool chain_yields = proof<Chain, Schema>::value;

// ---------------------------------------------------------------------------------------------
// SQL of a revision, per dialect and direction: ctsql::sql<D>(upgrade<r0002>{}).

// The SQL of a revision or of one of its operations is a script (possibly several
// statements): connectors run it whole (`statements` marks a script for them).
template <class R>
struct upgrade {
    using revision = R;
    using parameters = type_list<>;
    using result_row = void;
    using statements = type_list<>;
};
template <class R>
struct downgrade {
    using revision = R;
    using parameters = type_list<>;
    using result_row = void;
    using statements = type_list<>;
};
// Operation I of revision R (upgrade), or of its downgrade.
template <class R, std::size_t I>
struct upgrade_step {
    using revision = R;
    using parameters = type_list<>;
    using result_row = void;
    using statements = type_list<>;
};
template <class R, std::size_t I>
struct downgrade_step {
    using revision = R;
    using parameters = type_list<>;
    using result_row = void;
    using statements = type_list<>;
};

namespace detail {
template <class D, class S, class Ops, class Writer>
struct render_ops;
template <class D, class S, class Writer>
struct render_ops<D, S, type_list<>, Writer> {
    static constexpr void run(Writer&) {}
};
template <class D, class S, class First, class... Rest, class Writer>
struct render_ops<D, S, type_list<First, Rest...>, Writer> {
    static constexpr void run(Writer& out) {
        First::template render<D, S>(out);
        render_ops<D, typename First::template apply<S>, type_list<Rest...>, Writer>::run(out);
    }
};
// The state before operation I of Ops applied from S.
template <class S, class Ops, std::size_t I>
struct state_before_op {
    using type = S;
};
template <class S, class First, class... Rest, std::size_t I>
    requires(I > 0)
struct state_before_op<S, type_list<First, Rest...>, I> {
    using type = typename state_before_op<typename First::template apply<S>, type_list<Rest...>, I - 1>::type;
};
}  // namespace detail

}  // namespace ctsql::migrate

namespace ctsql {

template <dialect Dialect, class R>
struct statement_renderer<Dialect, migrate::upgrade<R>> {
    using verdict = decltype(migrate::check_revision<R>());
    static_assert(::ctsql::detail::enforce<detail::rule_of<verdict>>::ok);
    template <class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (verdict::ok)
            migrate::detail::render_ops<Dialect, migrate::state_before<R>, typename R::operations, Writer>::run(out);
    }
};

template <dialect Dialect, class R>
struct statement_renderer<Dialect, migrate::downgrade<R>> {
    using verdict = decltype(migrate::check_revision<R>());
    static_assert(::ctsql::detail::enforce<detail::rule_of<verdict>>::ok);
    template <class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (verdict::ok)
            migrate::detail::render_ops<Dialect, migrate::state_after<R>, migrate::downgrade_operations<R>, Writer>::run(out);
    }
};

template <dialect Dialect, class R, std::size_t I>
struct statement_renderer<Dialect, migrate::upgrade_step<R, I>> {
    using verdict = decltype(migrate::check_revision<R>());
    static_assert(::ctsql::detail::enforce<detail::rule_of<verdict>>::ok);
    template <class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (verdict::ok) {
            using op = detail::at<I, typename R::operations>;
            op::template render<Dialect, typename migrate::detail::state_before_op<migrate::state_before<R>, typename R::operations, I>::type>(out);
        }
    }
};

template <dialect Dialect, class R, std::size_t I>
struct statement_renderer<Dialect, migrate::downgrade_step<R, I>> {
    using verdict = decltype(migrate::check_revision<R>());
    static_assert(::ctsql::detail::enforce<detail::rule_of<verdict>>::ok);
    template <class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (verdict::ok) {
            using ops = migrate::downgrade_operations<R>;
            using op = detail::at<I, ops>;
            op::template render<Dialect, typename migrate::detail::state_before_op<migrate::state_after<R>, ops, I>::type>(out);
        }
    }
};

}  // namespace ctsql

namespace ctsql::migrate {

// 64-bit FNV-1a of a revision's SQL: stored by the runner, compared on every run, so an applied
// revision whose SQL changed is refused. `hash` continues a previous text's hash, so hashing a
// script's statements one after the other gives the hash of the whole script.
constexpr std::uint64_t checksum(std::string_view text, std::uint64_t hash = 14695981039346656037ull) noexcept {
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

namespace detail {

// Each operation's SQL of revision R for dialect D, up and down: the only renderings of a
// revision the runner and the CLI need (a whole revision's script is these texts in order).
template <class D, class R, class Sequence>
struct upgrade_sql;
template <class D, class R, std::size_t... I>
struct upgrade_sql<D, R, std::index_sequence<I...>> {
    static constexpr std::array<std::string_view, sizeof...(I)> value{ctsql::sql<D>(upgrade_step<R, I>{})...};
};
template <class D, class R, class Sequence>
struct downgrade_sql;
template <class D, class R, std::size_t... I>
struct downgrade_sql<D, R, std::index_sequence<I...>> {
    static constexpr std::array<std::string_view, sizeof...(I)> value{ctsql::sql<D>(downgrade_step<R, I>{})...};
};
template <class D, class R>
inline constexpr const auto& upgrade_steps_sql = upgrade_sql<D, R, std::make_index_sequence<R::operations::size>>::value;
template <class D, class R>
inline constexpr const auto& downgrade_steps_sql = downgrade_sql<D, R, std::make_index_sequence<downgrade_operations<R>::size>>::value;

template <std::size_t N>
constexpr std::uint64_t checksum_of_steps(const std::array<std::string_view, N>& steps) noexcept {
    std::uint64_t hash = checksum("");
    for (std::string_view step : steps) hash = checksum(step, hash);
    return hash;
}

}  // namespace detail

// The checksum of upgrade<R>'s and downgrade<R>'s SQL and R's id, hashed from the per-operation
// texts (the same value as hashing the whole scripts, without rendering them a second time).
template <class D, class R>
inline constexpr std::uint64_t revision_checksum = detail::checksum_of_steps(detail::upgrade_steps_sql<D, R>) ^
                                                   (detail::checksum_of_steps(detail::downgrade_steps_sql<D, R>) * 31u) ^
                                                   checksum(R::id.view());

}  // namespace ctsql::migrate
