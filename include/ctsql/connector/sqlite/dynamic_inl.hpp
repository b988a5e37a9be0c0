// Definitions of connector/sqlite/dynamic.hpp's non-template functions (the dynamic statement
// cache's miss path and destructor): included at the end of that header (header-only), or
// compiled once in src/sqlite.cpp (CTSQL_SEPARATE_COMPILATION).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "ctsql/connector/sqlite/dynamic.hpp"

namespace ctsql::detail::sqlite_impl {

CTSQL_FUNC dynamic_statements::~dynamic_statements() {
    for (entry& e : entries_) sqlite3_finalize(e.stmt);
}

CTSQL_FUNC void dynamic_statements::add(std::string_view sql, std::size_t hash, sqlite3_stmt* stmt) {
    if (entries_.size() >= capacity) {
        entry* oldest = nullptr;
        for (entry& e : entries_)
            if (!e.busy && (oldest == nullptr || e.used < oldest->used)) oldest = &e;
        if (oldest != nullptr) {
            sqlite3_finalize(oldest->stmt);
            *oldest = entry{hash, std::string(sql), stmt, ++clock_, true};
            return;
        }
    }
    entries_.push_back(entry{hash, std::string(sql), stmt, ++clock_, true});
}

}  // namespace ctsql::detail::sqlite_impl
