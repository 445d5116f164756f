#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "data/pair_pool.h"
#include "experiment/training_config.h"

namespace mtrec::experiment {

/// The pairs a config trains and validates on. `train` holds the QA pairs (mono and cross, from the
/// parallel QA files and the JSONL files) minus the held-out groups; `validation` the held-out
/// groups' pairs in the validation languages; `translation` the parallel-sentence pairs of the
/// translation-ranking task. Samplers point into these pools: keep the object alive and unchanged
/// while they run.
struct TrainingData {
    data::PairPool train;
    data::PairPool validation;
    data::PairPool translation;
};

/// The outcome of a full check: every problem (validate()'s, then those only the data can show: a
/// file that does not parse, a training language with no pairs, an empty training set, a strategy
/// its pools cannot serve), and the data when it could be built without a problem.
struct ConfigCheck {
    std::vector<ConfigProblem> problems;
    std::optional<TrainingData> data;
};

/// Runs validate() and, when it found no missing file, reads the data and checks it. What `mtrec
/// train` calls before anything starts; it lists every problem at once.
ConfigCheck checkTrainingConfig(const TrainingConfig& config, const std::filesystem::path& baseDir);

/// The same for a config as parsed: its parse problems first, then the checks' problems at other
/// JSON paths (a path with a parse problem is reported once). The data is read only when the
/// parse found nothing wrong under $.data and $.strategy.
ConfigCheck checkTrainingConfig(const ParsedTrainingConfig& parsed,
                                const std::filesystem::path& baseDir);

}  // namespace mtrec::experiment
