#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "data/parallel_qa_pairs.h"
#include "data/parallel_text.h"
#include "text/batch_encoder.h"
#include "text/sentencepiece_training.h"
#include "train/strategy_spec.h"

namespace mtrec::experiment {

/// The config format version this code reads and writes ("version": 1). A config of another
/// version is refused with a problem at $.version.
inline constexpr int kTrainingConfigVersion = 1;

/// Groups (question ids) held out of training; their pairs in `languages` form the validation
/// set. The paper validates on English only: languages = ["en"].
struct ValidationSplit {
    double fraction = 0.0;               ///< of the groups, in [0, 1); 0 = no validation set
    std::vector<std::string> languages;  ///< empty: every training language
};

struct DataConfig {
    /// SQuAD-style files, one per language, parallel by question id: a folder (MLQA's
    /// dev-context-XX-question-XX.json, or XQuAD's xquad.XX.json / XX.json) and/or explicit files
    /// by language (these win over the folder).
    std::string parallelQaFolder;
    std::map<std::string, std::string> parallelQaFiles;
    /// The training languages; empty: every language the QA folder and files hold.
    std::vector<std::string> languages;
    data::AnswerUnit answerUnit = data::AnswerUnit::Sentence;
    /// At most this many groups (question ids) are kept, drawn with the seed; nullopt: all.
    std::optional<std::size_t> maxGroups;
    std::vector<std::string> jsonlFiles;  ///< lines {id, lang, query, passage[, hard_negative]}
    /// Line-parallel sentence files (e.g. Tatoeba) for the translation-ranking task.
    std::vector<data::ParallelTextFiles> parallelSentences;
    ValidationSplit validation;
};

/// Where the tokenizer comes from: trained on the training texts (SentencePiece), or loaded from a
/// path (a SentencePiece .model file, or a Hugging Face folder; see text/tokenizer_loader.h).
struct TokenizerConfig {
    std::optional<text::SentencePieceTrainOptions> train;  ///< set when "train" is given
    std::string path;                                      ///< set when "path" is given
    text::BatchEncodingOptions encoding;                   ///< max_length, prefixes
};

struct OptimizerConfig {
    double lr = 3e-5;
    double weightDecay = 0.01;
    std::size_t warmupSteps = 0;
    double clipNorm = 1.0;  ///< 0: no clipping
    /// Exactly one of the two: optimizer steps, or epochs (BatchSampler::batchesPerEpoch()).
    std::optional<std::size_t> steps;
    std::optional<std::size_t> epochs;
    std::size_t evalEvery = 0;  ///< validation loss every N steps; 0: never
    std::size_t earlyStoppingPatience =
        0;                            ///< stop after N evaluations without improvement; 0: off
    std::size_t checkpointEvery = 0;  ///< 0: only at the end
};

struct EvaluationSuiteConfig {
    std::string suite;                   ///< one of experiment::kSuiteNames
    std::string data;                    ///< the suite's folder
    std::vector<std::string> languages;  ///< empty: every language found
};

/// A training run's whole configuration, as read from its versioned JSON file (the format is
/// documented in docs/training-config.md). Paths are kept as written; relative ones are resolved
/// against the base folder given to checkTrainingConfig (the CLI passes its working folder).
struct TrainingConfig {
    int version = kTrainingConfigVersion;
    std::string name;
    std::uint64_t seed = 0;
    std::size_t threads = 0;  ///< 0: as many as the machine has cores
    DataConfig data;
    TokenizerConfig tokenizer;
    /// The encoder's own config, passed through as written (architecture, sizes, pooling, or
    /// "hf_folder"); core/model reads it.
    nlohmann::json model = nlohmann::json::object();
    train::StrategySpec strategy;
    OptimizerConfig optimizer;
    std::vector<EvaluationSuiteConfig> evaluation;
};

/// One thing wrong with a config: where (a JSON path such as "$.strategy.alpha") and what.
struct ConfigProblem {
    std::string path;
    std::string message;
    std::string text() const { return path + ": " + message; }
};

/// A config as far as it could be read, and every problem found on the way: unknown keys (typos),
/// wrong types, values out of range, an unknown strategy, a wrong version. The config is usable
/// only when `problems` is empty.
struct ParsedTrainingConfig {
    TrainingConfig config;
    std::vector<ConfigProblem> problems;
};

/// Reads a config file. A file that cannot be read or is not JSON at all is an Error
/// ("file:line:column: ..."); everything else is a problem in the result.
Result<ParsedTrainingConfig> readTrainingConfig(const std::string& path);
ParsedTrainingConfig parseTrainingConfig(const nlohmann::json& json);

/// The config as JSON, in the documented format; parseTrainingConfig(toJson(c)) gives back c.
nlohmann::json toJson(const TrainingConfig& config);

/// Every problem of a parsed config that needs no file content: values out of range (alpha outside
/// [0, 1], lr <= 0, batch < 2, ...), options that do not fit the strategy, missing files and
/// folders (relative paths resolved against `baseDir`), a training language with no QA file.
std::vector<ConfigProblem> validate(const TrainingConfig& config,
                                    const std::filesystem::path& baseDir);

/// A problem list as one message, one problem per line, prefixed with the config's file name.
std::string describeProblems(const std::string& file, const std::vector<ConfigProblem>& problems);

}  // namespace mtrec::experiment
