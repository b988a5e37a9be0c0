// Compile-time literals, rendered into the SQL text (escaped during compilation):
// lit<42>, lit<true>, lit<"text">, real_lit<"2.5">, and null.
// Run-time values are never literals: they are parameters.
#pragma once

#include <cstdint>
#include <string>

#include "ctsql/detail/report.hpp"
#include "ctsql/detail/fixed_string.hpp"
#include "ctsql/detail/numeric_text.hpp"
#include "ctsql/detail/writer.hpp"
#include "ctsql/expr/expression.hpp"
#include "ctsql/schema/column_options.hpp"

namespace ctsql {

namespace detail {
template <literal_kind Kind>
struct literal_value_type {
    using type = std::string;
};
template <>
struct literal_value_type<literal_kind::integer> {
    using type = std::int64_t;
};
template <>
struct literal_value_type<literal_kind::boolean> {
    using type = bool;
};
}  // namespace detail

template <default_literal Value>
struct literal : expression_node {
    static constexpr auto value = Value;
    using value_type = typename detail::literal_value_type<Value.kind>::type;
    template <class>
    static constexpr bool nullable_in = false;
    using columns = type_list<>;
    using parameters = type_list<>;
    static constexpr bool aggregate = false;
    using bare_columns = type_list<>;

    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        if constexpr (Value.kind == literal_kind::integer) {
            if (Value.negative) out.put('-');
            detail::write_unsigned(out, Value.magnitude);
        } else if constexpr (Value.kind == literal_kind::boolean) {
            out.put(Context::dialect::boolean_literal(Value.magnitude != 0));
        } else {
            detail::write_string_literal(out, Value.text_view());
        }
    }
};

template <default_literal Value>
inline constexpr literal<Value> lit{};

namespace error {
template <class Text>
struct real_literal_is_not_a_number {
    static_assert(detail::dependent_false<Text>, "ctsql[E048] real_lit<\"...\"> must hold a decimal number");
};
}  // namespace error


// A floating-point literal, written as text (clang 14 has no double template arguments).
template <fixed_string Text>
struct real_literal : expression_node {
    static_assert(::ctsql::detail::enforce<std::conditional_t<detail::is_decimal_number(Text.view()), detail::no_error,
                                            error::real_literal_is_not_a_number<real_literal>>>::ok);
    using value_type = double;
    template <class>
    static constexpr bool nullable_in = false;
    using columns = type_list<>;
    using parameters = type_list<>;
    static constexpr bool aggregate = false;
    using bare_columns = type_list<>;

    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        out.put(Text.view());
    }
};

template <fixed_string Text>
inline constexpr real_literal<Text> real_lit{};

// SQL NULL, e.g. as an INSERT or SET value for a nullable column.
struct null_literal : expression_node {
    using value_type = std::nullptr_t;
    template <class>
    static constexpr bool nullable_in = true;
    using columns = type_list<>;
    using parameters = type_list<>;
    static constexpr bool aggregate = false;
    using bare_columns = type_list<>;

    template <class Context, class Writer>
    static constexpr void render(Writer& out) {
        out.put("NULL");
    }
};

inline constexpr null_literal null{};

}  // namespace ctsql
