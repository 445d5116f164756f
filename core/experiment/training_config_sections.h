#pragma once

#include "common/json_reader.h"
#include "experiment/training_config.h"

namespace mtrec::experiment {

/// The readers of the config's "model", "strategy", "optimizer" and "evaluation" sections (the
/// rest is in training_config.cpp); each records its problems through the JsonReader it is given.
void readModel(JsonReader model, ModelConfig& out);
void readStrategy(JsonReader strategy, train::StrategySpec& out);
void readOptimizer(JsonReader optimizer, OptimizerConfig& out);
void readEvaluation(JsonReader& root, std::vector<EvaluationSuiteConfig>& out);

/// The "model" section as toJson writes it.
nlohmann::json modelJson(const ModelConfig& model);

}  // namespace mtrec::experiment
