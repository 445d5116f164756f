#pragma once

#include <nlohmann/json_fwd.hpp>

namespace mtrec::experiment {

/// True for the config an `mtrec eval --db` run stores ({"command": "eval", "suite", "data", ...},
/// written by runEvaluation), false for a training config or anything else.
bool isEvaluationRequest(const nlohmann::json& config);

}  // namespace mtrec::experiment
