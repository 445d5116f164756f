#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "experiment/training_config.h"
#include "experiment/training_data.h"
#include "text/tokenizer.h"

namespace mtrec::experiment {

/// The texts SentencePiece is trained on: every distinct query and passage (and hard negative) of
/// the training and translation pools, in pool order (language pairs in order, pairs in file
/// order), each once. Validation pairs are left out. Deterministic for the same data.
std::vector<std::string> tokenizerTrainingTexts(const TrainingData& data);

/// The tokenizer of a run. With "train" in the config: the model at `trainedModel` when that file
/// exists and `reuse` is set (a resumed run keeps the model it trained), else SentencePiece trained
/// on tokenizerTrainingTexts(data) and written to `trainedModel`. With "path": the tokenizer that
/// path holds (text::loadTokenizer; relative to `baseDir`). Errors name the file.
Result<std::unique_ptr<text::Tokenizer>> buildTokenizer(const TrainingConfig& config,
                                                        const TrainingData& data,
                                                        const std::filesystem::path& baseDir,
                                                        const std::filesystem::path& trainedModel,
                                                        bool reuse);

}  // namespace mtrec::experiment
