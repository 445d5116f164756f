#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/result.h"
#include "text/sentencepiece_tokenizer.h"
#include "text/sentencepiece_training.h"

namespace mtrec::experiment {

/// A SentencePiece model shared by every run that trains one on the same texts with the same
/// options (seed included): it is trained once, into <cacheRoot>/<hash>/tokenizer.model, and
/// loaded from there by every later run.
struct SharedTokenizer {
    text::SentencePieceTokenizer tokenizer;
    std::string hash;            ///< tokenizerHash of its texts and options
    std::filesystem::path file;  ///< the cached model
    bool reused = false;         ///< loaded from the cache, not trained now
};

/// SHA-256 (64 hex digits) of every option that shapes the model and of the texts, in order: equal
/// exactly when trainSentencePiece would write the same model bytes.
std::string tokenizerHash(const std::vector<std::string>& texts,
                          const text::SentencePieceTrainOptions& options);

/// The cached model of these texts and options, trained and cached first when there is none yet.
/// Errors name the model file.
Result<SharedTokenizer> sharedTokenizer(const std::vector<std::string>& texts,
                                        const text::SentencePieceTrainOptions& options,
                                        const std::filesystem::path& cacheRoot);

}  // namespace mtrec::experiment
