// The connectors' date arithmetic (connector/values.hpp: civil_from_days, days_from_civil,
// valid_date, used instead of <chrono>'s calendar types) agrees with std::chrono on every day
// of the years 0000-9999 that timestamps can be written in, and a little beyond.
#include <chrono>
#include <cstdint>

#include <catch2/catch.hpp>

#include <ctsql/connector/values.hpp>

TEST_CASE("connector dates: civil_from_days / days_from_civil / valid_date match std::chrono", "[connector]") {
    using namespace std::chrono;
    const auto first = sys_days{year{-2} / January / 1}.time_since_epoch().count();
    const auto last = sys_days{year{10001} / December / 31}.time_since_epoch().count();
    std::int64_t mismatches = 0;
    for (std::int64_t n = first; n <= last; ++n) {
        const year_month_day expected{sys_days{days{n}}};
        const ctsql::detail::civil_date got = ctsql::detail::civil_from_days(n);
        if (got.year != static_cast<int>(expected.year()) || got.month != static_cast<unsigned>(expected.month()) ||
            got.day != static_cast<unsigned>(expected.day()) ||
            ctsql::detail::days_from_civil(got.year, got.month, got.day) != n)
            ++mismatches;
    }
    CHECK(mismatches == 0);
    for (int y : {1900, 2000, 2023, 2024, 0, 9999})
        for (unsigned m = 0; m <= 13; ++m)
            for (unsigned d = 0; d <= 32; ++d)
                CHECK(ctsql::detail::valid_date(y, m, d) == year_month_day{year{y}, month{m}, day{d}}.ok());
}
