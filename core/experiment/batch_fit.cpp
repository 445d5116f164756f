#include "experiment/batch_fit.h"

#include <algorithm>

namespace mtrec::experiment {
namespace {

using train::StrategyName;

/// Whether the strategy makes batches of one language's monolingual pairs.
bool makesMonolingualBatches(const train::StrategySpec& strategy) {
    switch (strategy.name) {
        case StrategyName::Mono:
            return true;
        case StrategyName::Hybrid:
            return !strategy.alpha || *strategy.alpha > 0.0;
        case StrategyName::Multitask:
            return strategy.tasks.empty() ||
                   std::any_of(strategy.tasks.begin(), strategy.tasks.end(),
                               [](const train::TaskSpec& task) {
                                   return task.kind == train::TaskKind::MonoQa;
                               });
        default:
            return false;
    }
}

/// Where a language's problem goes: its entry of $.data.languages, or the batch size when the
/// languages were not listed (they came from the files).
std::string languagePath(const DataConfig& data, const std::string& lang) {
    const auto found = std::find(data.languages.begin(), data.languages.end(), lang);
    if (found == data.languages.end()) return "$.strategy.batch_size";
    return "$.data.languages[" + std::to_string(found - data.languages.begin()) + "]";
}

}  // namespace

std::vector<ConfigProblem> batchFitProblems(const TrainingConfig& config,
                                            const TrainingData& data) {
    std::vector<ConfigProblem> problems;
    const std::size_t batch = config.strategy.batchSize;
    const std::string asked = "$.strategy.batch_size (" + std::to_string(batch) + ")";
    const std::size_t groups = data.train.groupIds().size();
    if (groups < batch) {
        problems.push_back({"$.strategy.batch_size",
                            std::to_string(batch) + " is more than the " + std::to_string(groups) +
                                " question groups of the training data, and a batch holds each "
                                "group once: batches would hold at most " +
                                std::to_string(groups) + " pairs; use at most " +
                                std::to_string(groups)});
        return problems;  // every smaller pool is short too; one message says it
    }
    if (makesMonolingualBatches(config.strategy))
        for (const data::LanguagePair& pool : data.train.monolingualPairs()) {
            const std::size_t pairs = data.train.pairs(pool).size();
            if (pairs < batch)
                problems.push_back({languagePath(config.data, pool.query),
                                    "'" + pool.query + "' has " + std::to_string(pairs) +
                                        " training pairs, fewer than " + asked +
                                        ": its monolingual batches would hold " +
                                        std::to_string(pairs) + " pairs"});
        }
    if (config.strategy.name == StrategyName::Cross && config.strategy.crossPairPerBatch)
        for (const data::LanguagePair& pool : data.train.crossLingualPairs()) {
            const std::size_t pairs = data.train.pairs(pool).size();
            if (pairs < batch)
                problems.push_back({"$.strategy.batch_size",
                                    "is " + std::to_string(batch) + ", but the " + pool.label() +
                                        " pool holds " + std::to_string(pairs) +
                                        " pairs: its batches (one language pair per batch) would "
                                        "hold " +
                                        std::to_string(pairs)});
        }
    return problems;
}

}  // namespace mtrec::experiment
