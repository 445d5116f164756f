#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mtrec::train {

/// The five batch strategies of DESIGN §2.
enum class StrategyName { Mono, Cross, Hybrid, Multitask, Mixed };

/// How the language (pair) of a batch, or of a pair, is drawn among the pools: each non-empty pool
/// equally likely, or in proportion to its number of pairs.
enum class LanguageWeighting { Uniform, Size };

/// What a multitask task trains on: monolingual QA pairs, cross-lingual QA pairs, or translation
/// ranking on parallel sentences.
enum class TaskKind { MonoQa, CrossQa, Translation };

/// How multitask picks the task of the next batch: cycle the tasks in order (the trainer takes one
/// optimizer step per task batch), draw in proportion to the tasks' sizes (pairs), or in
/// proportion to size^(1/T).
enum class TaskSchedule { RoundRobin, Proportional, Temperature };

struct TaskSpec {
    std::string name;  ///< unique; telemetry's task name
    TaskKind kind = TaskKind::MonoQa;
    double weight = 1.0;  ///< multiplies the task's batch losses; > 0
};

/// Everything a sampler and the loss need to know about a strategy. Checked by the training config
/// (core/experiment); the samplers throw std::invalid_argument on values the config rejects.
struct StrategySpec {
    StrategyName name = StrategyName::Hybrid;
    std::size_t batchSize = 32;  ///< pairs per batch, >= 2
    /// Share of mono batches (hybrid) or of mono pairs per batch (mixed), in [0, 1]; nullopt means
    /// "size": |mono pairs| / (|mono| + |cross|).
    std::optional<double> alpha = 0.5;
    /// mono: the language of each batch; cross: the language pair of each pair (or batch).
    LanguageWeighting languageWeighting = LanguageWeighting::Uniform;
    /// cross: one (X, Y) for the whole batch instead of one per pair.
    bool crossPairPerBatch = false;
    /// mixed: the monolingual part of a batch from one language drawn per batch (as hybrid's mono
    /// batches are), so that mixed differs from hybrid only in putting both kinds in one batch.
    bool monoOneLanguage = false;

    TaskSchedule schedule = TaskSchedule::RoundRobin;
    double temperature = 1.0;     ///< T of the temperature schedule, > 0
    std::vector<TaskSpec> tasks;  ///< multitask only; empty: mono_qa, cross_qa (+ translation)
    /// multitask, round robin: optimizer.steps counts the QA tasks' steps only and the other
    /// tasks' steps come on top, so the QA tasks get as many steps (and pairs) as hybrid does.
    bool equalQaBudget = false;

    bool hardNegatives = false;  ///< add each pair's hard negative as an extra candidate column
    bool symmetric = false;      ///< add the passage -> query term to the loss
    double tau = 0.05;           ///< loss temperature; logits are cosine / tau
};

/// "mono", "cross", "hybrid", "multitask", "mixed"; and back (nullopt for an unknown name).
const char* strategyNameText(StrategyName name);
std::optional<StrategyName> parseStrategyName(const std::string& text);
const char* taskKindText(TaskKind kind);  ///< "mono_qa", "cross_qa", "translation"
std::optional<TaskKind> parseTaskKind(const std::string& text);
const char* scheduleText(TaskSchedule schedule);  ///< "round_robin", "proportional", "temperature"
std::optional<TaskSchedule> parseSchedule(const std::string& text);
const char* weightingText(LanguageWeighting weighting);  ///< "uniform", "size"
std::optional<LanguageWeighting> parseWeighting(const std::string& text);

/// The tasks of a multitask spec that lists none: mono_qa and cross_qa (kinds of the same
/// names, weight 1), and translation when there are parallel sentences.
std::vector<TaskSpec> defaultTasks(bool withTranslation);

}  // namespace mtrec::train
