// Migrations as types: operations, revisions, chains, the proof that a chain yields the model,
// and each revision's SQL per dialect and direction, all at compile time.
#pragma once

#include "ctsql/migrate/compare.hpp"
#include "ctsql/migrate/data.hpp"
#include "ctsql/migrate/declarations.hpp"
#include "ctsql/migrate/model_state.hpp"
#include "ctsql/migrate/ops.hpp"
#include "ctsql/migrate/revision.hpp"
#include "ctsql/migrate/state.hpp"
#include "ctsql/migrate/state_spec.hpp"
#include "ctsql/migrate/validate.hpp"
