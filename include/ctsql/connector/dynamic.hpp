// Dynamic queries: filters, sort keys, IN lists and LIMIT/OFFSET chosen at run time, every
// possible piece still checked at compile time and every value still bound.
//
//   auto q = ctsql::dynamic<ctsql::sqlite_connection::dialect>(ctsql::select(users.id, users.name).from(users));
//   if (form.name) q.where(users.name == param<"name">, *form.name);        // checked like .where()
//   if (form.min_age) q.where(users.age >= param<"min">, *form.min_age);   // values like execute()
//   q.where_in(users.id, ids);                                            // n placeholders, n values
//   switch (form.sort) {                                                  // a key chosen at run time
//       case sort::age: q.order_by(desc(users.age)); break;
//       case sort::name: q.order_by(users.name); break;
//   }
//   q.limit(20).offset(form.page * 20);
//   std::vector<User> page = db.fetch_all<User>(q);
//
// A dynamic_select<Dialect, Base> owns the SQL text built so far (one std::string, starting as
// the base's compile-time text) and the values bound so far (one dynamic_value each, already
// converted to its parameter's type). Each piece's text is a compile-time constant
// (render/dynamic.hpp); adding a piece copies it into the text and writes its placeholder
// numbers, and converts (copies) its values. Nothing else happens at run time: no expression
// is walked, no value is formatted into the text (docs/queries.md, "Dynamic queries", has the
// cost model). Rules: the base is a SELECT without LIMIT/OFFSET (ctsql[E110]); a piece follows
// the rules of the same clause in a static query (E031, E032, E033, E034, E041-E043, E054,
// E016); the values of a piece follow execute()'s rules (E060-E063); an IN list's expression has
// no parameters (E112); the connection's dialect is the query's (E111).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

// Only the range concepts and std::ranges::size, not the views or <iterator>'s stream iterators
// (see schema/sql_type.hpp).
#if defined(__GLIBCXX__) && __has_include(<bits/ranges_base.h>)
#include <bits/ranges_base.h>
#else
#include <iterator>
#include <ranges>
#endif
#include <vector>

#include "ctsql/connector/arguments.hpp"
#include "ctsql/connector/error.hpp"
#include "ctsql/connector/row_mapping.hpp"
#include "ctsql/detail/report.hpp"
#include "ctsql/detail/type_list.hpp"
#include "ctsql/dialect/dialect.hpp"
#include "ctsql/query/statement_traits.hpp"
#include "ctsql/render/dynamic.hpp"
#include "ctsql/schema/sql_type.hpp"

namespace ctsql {

// One value bound to a dynamic query, converted when it was added to its parameter's value
// type, normalised as the connectors bind it (an integer by the width its SQL type needs:
// std::uint16_t is stored as std::int32_t, like an INTEGER parameter).
struct dynamic_value {
    std::variant<bool, std::int16_t, std::int32_t, std::int64_t, std::uint64_t, float, double, std::string, blob,
                 timestamp>
        value;
    bool null = false;      // NULL of that type (value holds the type's default)
    std::string_view name;  // the parameter's name, for error messages
};

template <dialect Dialect, class Base>
class dynamic_select;

namespace error {
template <class Query, class ConnectionDialect>
struct dynamic_query_for_another_dialect {
    static_assert(detail::dependent_false<Query>,
                  "ctsql[E111] this dynamic query was built for another dialect than the connection's: build it "
                  "with ctsql::dynamic<Connection::dialect>(...)");
};
}  // namespace error

namespace detail {

template <class U>
struct dynamic_storage {
    using type = U;
};
template <class U>
    requires is_sql_integer<U>
struct dynamic_storage<U> {
    static constexpr std::size_t bytes = std::is_unsigned_v<U> && sizeof(U) < 8 ? sizeof(U) * 2 : sizeof(U);
    using type = std::conditional_t<std::is_unsigned_v<U> && sizeof(U) >= 8, std::uint64_t,
                                    std::conditional_t<bytes <= 2, std::int16_t,
                                                       std::conditional_t<bytes <= 4, std::int32_t, std::int64_t>>>;
};

// Arg (checked against T at compile time: E061-E063) as a dynamic_value of T's value type.
template <class T, class Arg>
dynamic_value make_dynamic_value(std::string_view name, const Arg& arg) {
    using S = typename dynamic_storage<value_type_t<T>>::type;
    using A = std::remove_cvref_t<Arg>;
    if constexpr (is_nullopt<A>) {
        return dynamic_value{S{}, true, name};
    } else if constexpr (is_optional_v<A>) {
        if (!arg.has_value()) return dynamic_value{S{}, true, name};
        return make_dynamic_value<T>(name, *arg);
    } else if constexpr (std::is_same_v<S, std::string>) {
        if constexpr (std::is_pointer_v<A>) {
            if (arg == nullptr)
                throw conversion_error(join_text("parameter \"", name,
                                                 "\": a null character pointer is not text (use std::nullopt for NULL)"));
        }
        return dynamic_value{std::string(std::string_view(arg)), false, name};
    } else if constexpr (std::is_same_v<S, blob>) {
        const std::span<const std::byte> bytes(arg);
        return dynamic_value{blob(bytes.begin(), bytes.end()), false, name};
    } else if constexpr (std::is_same_v<S, timestamp>) {
        return dynamic_value{timestamp(arg), false, name};
    } else {
        return dynamic_value{static_cast<S>(arg), false, name};
    }
}

// The verdict on binding Args... to the parameters of a piece (or of the base).
template <class Piece, class Parameters, class... Args>
constexpr auto check_piece_arguments() {
    if constexpr (Parameters::size != sizeof...(Args))
        return report<error::wrong_number_of_arguments<Piece, Parameters::size, sizeof...(Args)>>();
    else
        return typename arguments_checker<Parameters, std::make_index_sequence<sizeof...(Args)>, Args...>::type{};
}

// The verdicts of the builder calls: the piece's rules first, then its values'.
template <class Dialect, class Base, class Condition, class... Args>
constexpr auto check_dynamic_where() {
    using piece = decltype(check_dynamic_condition<Dialect, Base, Condition>());
    if constexpr (!piece::ok) return piece{};
    else return check_piece_arguments<Condition, unique_parameters<parameters_of<Condition>>, Args...>();
}
template <class Dialect, class Base, class Key, class... Args>
constexpr auto check_dynamic_order_by() {
    using piece = decltype(check_dynamic_sort_key<Dialect, Base, Key>());
    if constexpr (!piece::ok) return piece{};
    else return check_piece_arguments<Key, unique_parameters<typename clause_parameters<Key>::type>, Args...>();
}
template <class Dialect, class Base, class Operand, class Element>
constexpr auto check_dynamic_in_list() {
    using piece = decltype(check_dynamic_in_operand<Dialect, Base, Operand>());
    if constexpr (!piece::ok) return piece{};
    else return check_argument<parameter<"in", value_type_of<Operand>>, 0, Element>();
}
template <class Dialect, class Base, class... Args>
constexpr auto check_dynamic() {
    using base = decltype(check_dynamic_base<Dialect, Base>());
    if constexpr (!base::ok) return base{};
    else return check_piece_arguments<Base, parameters_t<Base>, Args...>();
}

struct dynamic_construct {};

template <class Parameters>
struct dynamic_values_of;
template <class... Ps>
struct dynamic_values_of<type_list<Ps...>> {
    template <class... Args>
    static void append(std::vector<dynamic_value>& out, const Args&... args) {
        (out.push_back(make_dynamic_value<typename Ps::type>(Ps::name.view(), args)), ...);
    }
};

template <class Q>
inline constexpr bool is_dynamic_select = false;
template <class D, class B>
inline constexpr bool is_dynamic_select<dynamic_select<D, B>> = true;

// The row type of a dynamic query's base (void when the base was refused: ctsql[E110]).
template <class Base>
struct dynamic_row {
    using type = void;
};
template <class Base>
    requires is_select_statement<Base>
struct dynamic_row<Base> {
    using type = result_row_t<Base>;
};

// The verdicts of the connectors' entry points for a dynamic query.
template <class Query, class ConnectionDialect>
constexpr auto check_dynamic_dialect() {
    if constexpr (!std::is_same_v<typename Query::dialect, ConnectionDialect>)
        return report<error::dynamic_query_for_another_dialect<Query, ConnectionDialect>>();
    else
        return pass();
}
template <class Query, class ConnectionDialect>
using dynamic_execute_verdict = decltype(check_dynamic_dialect<Query, ConnectionDialect>());
template <class Query, class ConnectionDialect, class Target>
using dynamic_fetch_verdict =
    first_failure<decltype(check_dynamic_dialect<Query, ConnectionDialect>()),
                  decltype(check_fetch_target<typename Query::base_statement, typename Query::result_row, Target>())>;

}  // namespace detail

// A SELECT whose WHERE conjuncts, IN lists, sort keys, LIMIT and OFFSET are added at run time.
// Make one with ctsql::dynamic<Dialect>(base, base_arguments...); run it with the connectors'
// execute / fetch_all / fetch_one / fetch_optional / fetch (no further arguments: the values
// were given with the pieces). Every member that adds a piece returns the query, so calls chain.
template <dialect Dialect, class Base>
class dynamic_select {
public:
    using dialect = Dialect;
    using base_statement = Base;
    using result_row = typename detail::dynamic_row<Base>::type;

    // The SQL text so far (complete: it can run as it stands), and the values to bind to its
    // placeholders ?1 / $1 ... in order.
    const std::string& sql() const noexcept { return text_; }
    const std::vector<dynamic_value>& values() const noexcept { return values_; }

    // AND condition: a compile-time boolean expression over the base's tables, with one value
    // per distinct parameter name, in order of first appearance (checked like execute()).
    template <class Condition, class... Args>
    dynamic_select& where(const Condition&, const Args&... args) & {
        if constexpr (!valid) {
            return *this;  // the base was refused (ctsql[E110]): nothing more to report
        } else if constexpr (!where_verdict<Condition, Args...>::ok) {
            detail::fire<where_verdict<Condition, Args...>>();
        } else {
            const std::size_t before = values_.size();
            append_values<detail::unique_parameters<parameters_of<Condition>>>(before, args...);
            add_where(detail::piece_fragment<Dialect, Condition>, before, {}, {});
        }
        return *this;
    }
    template <class Condition, class... Args>
    dynamic_select&& where(const Condition& condition, const Args&... args) && {
        return std::move(where(condition, args...));
    }

    // AND (operand IN (v1, ..., vn)): one placeholder and one value per element of `values`
    // (converted like arguments for the operand's type). An empty list matches nothing.
    template <class Operand, std::ranges::input_range Values>
    dynamic_select& where_in(const Operand&, Values&& values) & {
        add_in_list<Operand>(values, false);
        return *this;
    }
    template <class Operand, std::ranges::input_range Values>
    dynamic_select&& where_in(const Operand& operand, Values&& values) && {
        return std::move(where_in(operand, values));
    }
    template <class Operand, class T>
    dynamic_select& where_in(const Operand& operand, std::initializer_list<T> values) & {
        return where_in(operand, std::span<const T>(values.begin(), values.size()));
    }
    template <class Operand, class T>
    dynamic_select&& where_in(const Operand& operand, std::initializer_list<T> values) && {
        return std::move(where_in(operand, values));
    }
    // AND (operand NOT IN (v1, ..., vn)); an empty list adds no condition.
    template <class Operand, std::ranges::input_range Values>
    dynamic_select& where_not_in(const Operand&, Values&& values) & {
        add_in_list<Operand>(values, true);
        return *this;
    }
    template <class Operand, std::ranges::input_range Values>
    dynamic_select&& where_not_in(const Operand& operand, Values&& values) && {
        return std::move(where_not_in(operand, values));
    }
    template <class Operand, class T>
    dynamic_select& where_not_in(const Operand& operand, std::initializer_list<T> values) & {
        return where_not_in(operand, std::span<const T>(values.begin(), values.size()));
    }
    template <class Operand, class T>
    dynamic_select&& where_not_in(const Operand& operand, std::initializer_list<T> values) && {
        return std::move(where_not_in(operand, values));
    }

    // One more ORDER BY key (after the base's and those added before): a column, an expression or
    // asc()/desc(); values for its parameters as for where().
    template <class Key, class... Args>
    dynamic_select& order_by(const Key&, const Args&... args) & {
        if constexpr (!valid) {
            return *this;
        } else if constexpr (!order_by_verdict<Key, Args...>::ok) {
            detail::fire<order_by_verdict<Key, Args...>>();
        } else {
            const std::size_t before = values_.size();
            append_values<detail::unique_parameters<typename detail::clause_parameters<Key>::type>>(before, args...);
            const detail::fragment_view& f = detail::piece_fragment<Dialect, Key>;
            const std::string_view joiner = has_order_ ? ", " : " ORDER BY ";
            try {
                char* out = open_gap(order_end_, joiner.size() + detail::numbered_length(f, before));
                out = copy(joiner, out);
                out = detail::write_numbered(out, f, mark, before);
                order_end_ = static_cast<std::size_t>(out - text_.data());
            } catch (...) {
                values_.resize(before);
                throw;
            }
            has_order_ = true;
        }
        return *this;
    }
    template <class Key, class... Args>
    dynamic_select&& order_by(const Key& key, const Args&... args) && {
        return std::move(order_by(key, args...));
    }

    // LIMIT n / OFFSET n (bound values; calling again replaces the value, the text stays).
    dynamic_select& limit(std::int64_t n) & {
        set_count(limit_, n, "limit");
        return *this;
    }
    dynamic_select&& limit(std::int64_t n) && { return std::move(limit(n)); }
    dynamic_select& offset(std::int64_t n) & {
        set_count(offset_, n, "offset");
        return *this;
    }
    dynamic_select&& offset(std::int64_t n) && { return std::move(offset(n)); }

    // Made by ctsql::dynamic (which checks the base and the arguments first).
    template <class... Args>
    explicit dynamic_select(detail::dynamic_construct, const Args&... args) {
        if constexpr (valid) {
            constexpr std::string_view head = detail::rendered_view<detail::dynamic_head<Dialect, Base>>();
            constexpr std::string_view grouping = detail::rendered_view<detail::dynamic_grouping<Dialect, Base>>();
            constexpr std::string_view order = detail::rendered_view<detail::dynamic_order<Dialect, Base>>();
            text_.reserve(head.size() + grouping.size() + order.size() + 64);
            text_.append(head);
            where_end_ = text_.size();
            text_.append(grouping);
            text_.append(order);
            order_end_ = text_.size();
            has_where_ = has_clause_v<typename Base::where_clause>;
            has_order_ = Base::order_by_list::size != 0;
            if constexpr (sizeof...(Args) != 0) {
                values_.reserve(sizeof...(Args));
                detail::dynamic_values_of<parameters_t<Base>>::append(values_, args...);
            }
        }
    }

private:
    static constexpr bool valid = detail::is_select_statement<Base>;
    static constexpr char mark = Dialect::family == dialect_family::sqlite ? '?' : '$';

    template <class Condition, class... Args>
    using where_verdict = decltype(detail::check_dynamic_where<Dialect, Base, Condition, Args...>());
    template <class Key, class... Args>
    using order_by_verdict = decltype(detail::check_dynamic_order_by<Dialect, Base, Key, Args...>());
    template <class Operand, class Element>
    using in_list_verdict = decltype(detail::check_dynamic_in_list<Dialect, Base, Operand, Element>());

    // Appends the values of a piece's parameters (all or none: a conversion may throw).
    template <class Parameters, class... Args>
    void append_values(std::size_t before, const Args&... args) {
        try {
            detail::dynamic_values_of<Parameters>::append(values_, args...);
        } catch (...) {
            values_.resize(before);
            throw;
        }
    }

    static char* copy(std::string_view text, char* out) noexcept {
        for (char c : text) *out++ = c;
        return out;
    }

    // Inserts n characters at `at` (the text after it moves up); returns where to write them.
    char* open_gap(std::size_t at, std::size_t n) {
        text_.insert(at, n, ' ');
        return text_.data() + at;
    }

    // Inserts " WHERE " or " AND " and a piece: f numbered after `before` values, between the
    // constant texts `prefix` and `suffix`.
    void add_where(const detail::fragment_view& f, std::size_t before, std::string_view prefix, std::string_view suffix) {
        const std::string_view joiner = has_where_ ? " AND " : " WHERE ";
        try {
            const std::size_t n = joiner.size() + prefix.size() + detail::numbered_length(f, before) + suffix.size();
            char* out = open_gap(where_end_, n);
            out = copy(joiner, out);
            out = copy(prefix, out);
            out = detail::write_numbered(out, f, mark, before);
            copy(suffix, out);
            where_end_ += n;
            order_end_ += n;
        } catch (...) {
            values_.resize(before);
            throw;
        }
        has_where_ = true;
    }

    template <class Operand, class Values>
    void add_in_list(Values& values, bool negated) {
        using element = std::remove_cvref_t<std::ranges::range_reference_t<Values>>;
        if constexpr (!valid) {
            return;
        } else if constexpr (!in_list_verdict<Operand, element>::ok) {
            detail::fire<in_list_verdict<Operand, element>>();
        } else {
            constexpr std::string_view name = [] {
                if constexpr (column_type<Operand>) return Operand::sql_name.view();
                else return std::string_view("in");
            }();
            using T = value_type_of<Operand>;
            const std::size_t before = values_.size();
            try {
                if constexpr (std::ranges::sized_range<Values>) values_.reserve(before + std::ranges::size(values));
                for (auto&& v : values) values_.push_back(detail::make_dynamic_value<T>(name, v));
            } catch (...) {
                values_.resize(before);
                throw;
            }
            const std::size_t count = values_.size() - before;
            const detail::fragment_view& operand = detail::piece_fragment<Dialect, Operand>;
            if (count == 0) {
                // x IN () is FALSE for every x (even NULL), x NOT IN () TRUE: PostgreSQL has no
                // empty list, so the first is written as FALSE and the second adds nothing.
                if (!negated) add_where({}, before, "", Dialect::boolean_literal(false));
                return;
            }
            // (operand IN (?a, ?b, ...)): the operand has no placeholders (E112), the list one per value.
            const std::string_view open = negated ? " NOT IN (" : " IN (";
            std::size_t size = 1 + operand.text.size() + open.size() + 2 + 2 * (count - 1);
            for (std::size_t i = 1; i <= count; ++i) size += 1 + detail::decimal_digits(before + i);
            const std::string_view joiner = has_where_ ? " AND " : " WHERE ";
            try {
                char* out = open_gap(where_end_, joiner.size() + size);
                out = copy(joiner, out);
                *out++ = '(';
                out = copy(operand.text, out);
                out = copy(open, out);
                for (std::size_t i = 1; i <= count; ++i) {
                    if (i != 1) out = copy(", ", out);
                    out = detail::write_numbered_placeholder(out, mark, before + i);
                }
                copy("))", out);
                where_end_ += joiner.size() + size;
                order_end_ += joiner.size() + size;
            } catch (...) {
                values_.resize(before);
                throw;
            }
            has_where_ = true;
        }
    }

    // LIMIT/OFFSET: the value is bound; the text ends with " LIMIT ?n OFFSET ?m" (SQLite takes
    // an OFFSET only after a LIMIT: -1 means none).
    void set_count(std::size_t& index, std::int64_t n, std::string_view name) {
        if (index != detail::npos) {
            values_[index].value = n;
            return;
        }
        values_.push_back(dynamic_value{n, false, name});
        index = values_.size() - 1;
        try {
            std::string tail;
            char number[24];
            if (limit_ != detail::npos) {
                tail += " LIMIT ";
                tail.append(number, detail::write_numbered_placeholder(number, mark, limit_ + 1));
            } else if (Dialect::family == dialect_family::sqlite) {
                tail += " LIMIT -1";
            }
            if (offset_ != detail::npos) {
                tail += " OFFSET ";
                tail.append(number, detail::write_numbered_placeholder(number, mark, offset_ + 1));
            }
            text_.replace(order_end_, std::string::npos, tail);
        } catch (...) {
            values_.pop_back();
            index = detail::npos;
            throw;
        }
    }

    std::string text_;
    std::vector<dynamic_value> values_;
    std::size_t where_end_ = 0;  // where the next WHERE conjunct goes
    std::size_t order_end_ = 0;  // where the next ORDER BY key goes; LIMIT/OFFSET follow
    std::size_t limit_ = detail::npos;   // the index of LIMIT's value in values_
    std::size_t offset_ = detail::npos;  // the index of OFFSET's value
    bool has_where_ = false;
    bool has_order_ = false;
};

// A dynamic query over `base` (a compile-time SELECT, possibly with its own WHERE, joins, GROUP
// BY, HAVING and ORDER BY, without LIMIT/OFFSET: ctsql[E110]) for Dialect, with the values of
// the base's own parameters (checked like execute()'s arguments: E060-E063).
template <dialect Dialect, class Base, class... Args>
dynamic_select<Dialect, Base> dynamic(const Base&, const Args&... args) {
    using verdict = decltype(detail::check_dynamic<Dialect, Base, Args...>());
    if constexpr (!verdict::ok) {
        detail::fire<verdict>();
        return dynamic_select<Dialect, Base>(detail::dynamic_construct{});
    } else {
        return dynamic_select<Dialect, Base>(detail::dynamic_construct{}, args...);
    }
}

}  // namespace ctsql
