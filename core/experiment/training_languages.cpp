#include "experiment/training_languages.h"

#include <set>

#include "experiment/evaluation_request.h"
#include "experiment/training_config.h"

namespace mtrec::experiment {
namespace {

std::vector<std::string> sortedUnique(const std::vector<std::string>& languages) {
    const std::set<std::string> unique(languages.begin(), languages.end());
    return {unique.begin(), unique.end()};
}

}  // namespace

Result<std::vector<std::string>> trainingLanguages(const store::RunRecord& run,
                                                   store::TrainingLog& log) {
    const nlohmann::json config =
        nlohmann::json::parse(run.configJson, nullptr, /*allow_exceptions=*/false);
    if (!config.is_object() || isEvaluationRequest(config)) return std::vector<std::string>{};
    const ParsedTrainingConfig parsed = parseTrainingConfig(config);
    if (!parsed.problems.empty() || parsed.config.optimizer.steps == std::size_t{0})
        return std::vector<std::string>{};
    if (!parsed.config.data.languages.empty()) return sortedUnique(parsed.config.data.languages);
    Result<std::vector<store::TrainedPairCount>> pairs = log.trainedPairs(run.id);
    if (!pairs) return pairs.error();
    std::vector<std::string> languages;
    for (const store::TrainedPairCount& pair : pairs.value())
        languages.insert(languages.end(), {pair.queryLang, pair.passageLang});
    return sortedUnique(languages);
}

Result<report::TrainingLanguagesByRun> trainingLanguagesByRun(
    store::ExperimentStore& store, const std::vector<store::RunRecord>& runs) {
    store::TrainingLog log = store.trainingLog();
    report::TrainingLanguagesByRun byRun;
    for (const store::RunRecord& run : runs) {
        Result<std::vector<std::string>> languages = trainingLanguages(run, log);
        if (!languages) return languages.error();
        if (!languages.value().empty()) byRun[run.id] = std::move(languages).value();
    }
    return byRun;
}

}  // namespace mtrec::experiment
