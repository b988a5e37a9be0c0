// Rows into Boost.Hana structs, matched by field NAME (not position):
//
//   #include <ctsql/connector/hana_rows.hpp>
//   struct Person {
//       BOOST_HANA_DEFINE_STRUCT(Person, (std::string, name), (std::int64_t, id));
//   };
//   std::vector<Person> people = db.fetch_all<Person>(select(users.id, users.name).from(users));
//
// Every field needs a result column of the same name (ctsql[E068]) whose type it can hold
// (ctsql[E066], E067 for a nullable column into a non-optional field); columns without a field
// are not read. Works for BOOST_HANA_DEFINE_STRUCT and BOOST_HANA_ADAPT_STRUCT alike.
//
// Include this header in every translation unit that fetches into Hana structs: without it a
// BOOST_HANA_DEFINE_STRUCT struct is refused (ctsql[E069]); a struct adapted with
// BOOST_HANA_ADAPT_STRUCT cannot be recognised without it and would be read by position like any
// aggregate. Only the Hana headers needed are included (not <boost/hana.hpp>).
#pragma once

#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

#include <boost/hana/accessors.hpp>
#include <boost/hana/at.hpp>
#include <boost/hana/concept/struct.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/length.hpp>
#include <boost/hana/second.hpp>
#include <boost/hana/string.hpp>

#include "ctsql/connector/row_mapping.hpp"

namespace ctsql {

template <class T>
    requires(boost::hana::Struct<T>::value)
struct by_name_row_traits<T> {
private:
    using accessors = decltype(boost::hana::accessors<T>());
    template <std::size_t K>
    using pair = std::remove_cvref_t<decltype(boost::hana::at_c<K>(std::declval<accessors>()))>;
    template <std::size_t K>
    using name_string = std::remove_cvref_t<decltype(boost::hana::first(std::declval<pair<K>>()))>;

public:
    static constexpr std::size_t size = decltype(boost::hana::length(std::declval<accessors>()))::value;

    template <std::size_t K>
    static constexpr std::string_view name = name_string<K>::c_str();

    template <std::size_t K>
    static constexpr auto& member(T& object) noexcept {
        return boost::hana::second(boost::hana::at_c<K>(boost::hana::accessors<T>()))(object);
    }

    template <std::size_t K>
    using member_type = std::remove_cvref_t<decltype(member<K>(std::declval<T&>()))>;
};

}  // namespace ctsql
