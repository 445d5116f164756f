#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "experiment/training_config.h"

namespace mtrec::experiment {

/// The config with `map` applied to every file and folder it names (data files and folders, the
/// tokenizer's path, the Hugging Face folder, the evaluation suites' folders); empty paths stay
/// empty.
TrainingConfig mapConfigPaths(TrainingConfig config,
                              const std::function<std::string(const std::string&)>& map);

/// The config as a run stores it: every relative path resolved against `base` (an absolute
/// folder), every path lexically normalised, so a resume from any folder finds them.
TrainingConfig withAbsolutePaths(TrainingConfig config, const std::filesystem::path& base);

}  // namespace mtrec::experiment
