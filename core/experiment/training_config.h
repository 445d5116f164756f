#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/json_reader.h"
#include "common/result.h"
#include "data/parallel_qa_pairs.h"
#include "data/parallel_text.h"
#include "model/encoder_config.h"
#include "model/matmul_precision.h"
#include "text/batch_encoder.h"
#include "text/sentencepiece_training.h"
#include "train/selection_measure.h"
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
    /// How many step checkpoints stay on disk (the newest; `best` is kept apart). More of them let
    /// a learning curve be read afterwards with `mtrec eval --model <run>/checkpoints/step-N`.
    std::size_t keepCheckpoints = 2;
    /// What picks the evaluated checkpoint among the validated steps (train/selection_measure.h).
    train::SelectionMeasure selectBy = train::SelectionMeasure::Loss;
};

/// The encoder: a Hugging Face folder's, or one built from scratch with the shape `encoder` gives.
struct ModelConfig {
    /// Non-empty: load this Hugging Face XLM-R or BERT folder (config.json + model.safetensors);
    /// of `encoder` only `pooling` applies then.
    std::string hfFolder;
    /// The from-scratch encoder (architecture, sizes, dropout, pooling, ...). Its vocabSize, padId
    /// and maxPositions are not read: they come from the three below, or from the tokenizer.
    model::EncoderConfig encoder;
    /// Given in the config: must equal the tokenizer's vocabulary size and pad id. Absent: the
    /// tokenizer's; max_positions: the tokenizer's max_length (+ pad id + 1 for xlm-roberta).
    std::optional<std::int64_t> vocabSize;
    std::optional<std::int64_t> padId;
    std::optional<std::int64_t> maxPositions;
};

struct EvaluationSuiteConfig {
    std::string suite;                   ///< one of experiment::kSuiteNames
    std::string data;                    ///< the suite's folder
    std::vector<std::string> languages;  ///< empty: every language found
    /// Evaluate even when the suite shares question ids or passages with the training or
    /// validation data (otherwise the check refuses the config); the run then records the suite
    /// as contaminated.
    bool allowOverlap = false;
};

/// A training run's whole configuration, as read from its versioned JSON file (the format is
/// documented in docs/training-config.md). Paths are kept as written; relative ones are resolved
/// against the base folder given to checkTrainingConfig (the CLI passes its working folder).
struct TrainingConfig {
    int version = kTrainingConfigVersion;
    std::string name;
    std::uint64_t seed = 0;
    std::size_t threads = 0;  ///< 0: as many as the machine has cores
    /// The Linear layers' GEMMs in training, validation and the run's evaluation.
    model::MatmulPrecision precision = model::MatmulPrecision::Fp32;
    DataConfig data;
    /// tokenizer.train->seed is `seed` (parseTrainingConfig sets it; the format has no key for it).
    TokenizerConfig tokenizer;
    ModelConfig model;
    train::StrategySpec strategy;
    OptimizerConfig optimizer;
    std::vector<EvaluationSuiteConfig> evaluation;
};

/// Field by field, every field (also those the format has no key for: SentencePiece's and the
/// batch encoding's other options, which parsing leaves at their defaults).
bool operator==(const TrainingConfig& a, const TrainingConfig& b);
bool operator!=(const TrainingConfig& a, const TrainingConfig& b);

/// The strategies that read the strategy option `key` ("alpha": hybrid and mixed); empty for the
/// options every strategy reads (batch_size, tau, ...). Parsing refuses an option given to a
/// strategy that does not read it.
std::vector<train::StrategyName> strategiesReading(const std::string& key);

/// One thing wrong with a config: where (a JSON path such as "$.strategy.alpha") and what.
using ConfigProblem = JsonProblem;

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

/// The config as JSON, in the documented format. parseTrainingConfig(toJson(c)) gives back c for
/// every config parsing gives (so a form saves exactly what it shows): only the strategy options
/// the strategy uses are written (others read as problems), so those must be at their defaults.
nlohmann::json toJson(const TrainingConfig& config);

/// Every problem of a parsed config that needs no file content: values out of range (alpha outside
/// [0, 1], lr <= 0, batch < 2, ...), options that do not fit the strategy, missing files and
/// folders (relative paths resolved against `baseDir`), a training language with no QA file, a
/// model section the encoder cannot be built from (see checkModel).
std::vector<ConfigProblem> validate(const TrainingConfig& config,
                                    const std::filesystem::path& baseDir);

/// The problems of the model section that need no file content, at $.model paths: options that do
/// not go with hf_folder, sizes the encoder refuses, a vocab_size or pad_id that differs from the
/// tokenizer's "train" options, max_positions below the tokenizer's max_length. validate() includes
/// them (the hf_folder's existence is checked there, against its base folder).
std::vector<ConfigProblem> checkModel(const TrainingConfig& config);

/// The from-scratch encoder's config for `config` with a tokenizer of `vocabSize` ids and pad id
/// `padId`; an Error listing checkModel's problems for that tokenizer ("the run's config:
/// $.model...").
Result<model::EncoderConfig> encoderConfigFor(const TrainingConfig& config, std::int64_t vocabSize,
                                              std::int64_t padId);

/// A problem list as one message, one problem per line, prefixed with the config's file name.
using mtrec::describeProblems;

}  // namespace mtrec::experiment
