// The migration chain, oldest revision first. Written by `migrate revision`: a new revision
// is appended here; edit it only to remove a revision you have never applied anywhere.
#pragma once

#include <ctsql/migrate/migrate.hpp>

#include "versions/0001_create_users_and_posts.hpp"
#include "versions/0002_add_email.hpp"
#include "versions/0003_rename_name_to_full_name__add_published.hpp"

namespace migrations {
using chain = ctsql::migrate::chain<r0001, r0002, r0003>;
}  // namespace migrations
