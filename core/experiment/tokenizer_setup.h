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

/// The texts SentencePiece is trained on: every distinct query and passage of the training pool
/// (the QA pairs minus the held-out validation groups) and of the translation pool (the data
/// section's parallel sentences), in pool order (language pairs in order, pairs in file order),
/// each once. They depend on the data section and the seed alone, never on the strategy: hard
/// negatives (a strategy option) are left out, and the translation pairs are in whether or not the
/// strategy trains on them, so every strategy of one data section and seed gets the same tokenizer.
/// Validation and evaluation texts are never in.
std::vector<std::string> tokenizerTrainingTexts(const TrainingData& data);

/// A run's tokenizer, and for a trained one the line that records where it came from.
struct RunTokenizer {
    std::unique_ptr<text::Tokenizer> tokenizer;
    /// "tokenizer sha256 <hash>: trained into <file>" or "...: reused <file>"; empty for a
    /// tokenizer loaded from a path, or from the run's own copy on a resume.
    std::string note;
};

/// The tokenizer of a run. With "train" in the config: the model at `trainedModel` when that file
/// exists and `reuse` is set (a resumed run keeps the model it trained); else the model shared
/// through `cacheRoot` (sharedTokenizer: trained on tokenizerTrainingTexts(data) once per texts,
/// options and seed), copied to `trainedModel` so the run folder holds its own. With "path": the
/// tokenizer that path holds (text::loadTokenizer; relative to `baseDir`). Errors name the file.
Result<RunTokenizer> buildTokenizer(const TrainingConfig& config, const TrainingData& data,
                                    const std::filesystem::path& baseDir,
                                    const std::filesystem::path& trainedModel,
                                    const std::filesystem::path& cacheRoot, bool reuse);

}  // namespace mtrec::experiment
