// The proof for a generated chain (compile_generated.cmake compiles it with -I <out dir>): the
// revisions autogenerate wrote replay to the scenario's second model.
#include <ctsql/migrate/migrate.hpp>

#include "autogenerate_scenarios.hpp"
#include "migrations/chain.hpp"

static_assert(migrations::chain::size == 2);
static_assert(ctsql::migrate::chain_yields<migrations::chain, scenarios::CTSQL_SCENARIO::v2::model>);

int main() {}
