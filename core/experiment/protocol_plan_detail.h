#pragma once

// The pieces quickPlan and paperPlan share (protocol_plan.cpp); not part of the API.

#include <string>
#include <vector>

#include "experiment/protocol_plan.h"

namespace mtrec::experiment::detail {

/// A trained or untrained run of `config` (named and seeded as the config is).
PlannedRun trainedRun(TrainingConfig config, PlannedRunKind kind);

/// One BM25 run per evaluation suite of `reference`.
std::vector<PlannedRun> bm25Runs(const TrainingConfig& reference);

/// The names of the config's evaluation suites, in order.
std::vector<std::string> suiteNames(const TrainingConfig& config);

}  // namespace mtrec::experiment::detail
