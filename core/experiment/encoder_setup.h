#pragma once

#include <filesystem>
#include <vector>

#include "common/result.h"
#include "experiment/training_config.h"
#include "model/encoder.h"

namespace mtrec::text {
class Tokenizer;
}

namespace mtrec::experiment {

/// The problems of the "model" section that need no tokenizer file: checkModel(config), which
/// validate() already includes.
std::vector<ConfigProblem> checkModelSection(const TrainingConfig& config);

/// The encoder for `config` (its ModelConfig) with `tokenizer`: a from-scratch one initialised for
/// config.seed, its vocab_size and pad_id the tokenizer's and max_positions its max_length (+ pad
/// id + 1 for xlm-roberta) unless given; or the Hugging Face folder's (resolved against
/// `baseDir`), in training mode. Errors name the config key or the file.
Result<model::Encoder> buildEncoder(const TrainingConfig& config, const text::Tokenizer& tokenizer,
                                    const std::filesystem::path& baseDir);

}  // namespace mtrec::experiment
