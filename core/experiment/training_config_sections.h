#pragma once

#include <vector>

#include "experiment/config_reader.h"
#include "experiment/training_config.h"

namespace mtrec::experiment {

/// The readers of the config's "strategy", "optimizer" and "evaluation" sections (the rest is in
/// training_config.cpp); each records its problems through the ConfigObject it is given.
void readStrategy(ConfigObject strategy, train::StrategySpec& out,
                  std::vector<ConfigProblem>& problems);
void readOptimizer(ConfigObject optimizer, OptimizerConfig& out);
void readEvaluation(ConfigObject& root, std::vector<EvaluationSuiteConfig>& out,
                    std::vector<ConfigProblem>& problems);

}  // namespace mtrec::experiment
