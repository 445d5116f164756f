#include "run_config_facts.h"

#include <nlohmann/json.hpp>

#include "experiment/evaluation_request.h"
#include "experiment/training_config.h"
#include "experiment/training_languages.h"

namespace mtrec::ui {
namespace {

constexpr const char* kMtrecSuite = "mtrec";  // evaluates XQuAD-R, MLQA-R and MIRACL in one

nlohmann::json parsedConfig(const store::RunRecord& run) {
    return nlohmann::json::parse(run.configJson, nullptr, /*allow_exceptions=*/false);
}

std::string stringAt(const nlohmann::json& config, const char* key) {
    const auto found = config.find(key);
    return found != config.end() && found->is_string() ? found->get<std::string>() : std::string();
}

QStringList toQStringList(const std::vector<std::string>& items) {
    QStringList out;
    for (const std::string& item : items) out.append(QString::fromStdString(item));
    return out;
}

}  // namespace

QStringList trainingLanguages(store::ExperimentStore& store, const store::RunRecord& run) {
    store::TrainingLog log = store.trainingLog();
    const Result<std::vector<std::string>> languages = experiment::trainingLanguages(run, log);
    return languages ? toQStringList(languages.value()) : QStringList();
}

std::string suiteDataFolder(const store::RunRecord& run, const std::string& suite) {
    const nlohmann::json config = parsedConfig(run);
    if (!config.is_object()) return {};
    if (experiment::isEvaluationRequest(config)) {
        const std::string evaluated = stringAt(config, "suite");
        return evaluated == suite || evaluated == kMtrecSuite ? stringAt(config, "data")
                                                              : std::string();
    }
    const experiment::ParsedTrainingConfig parsed = experiment::parseTrainingConfig(config);
    std::string folder;
    for (const experiment::EvaluationSuiteConfig& entry : parsed.config.evaluation) {
        if (entry.suite == suite) return entry.data;
        if (entry.suite == kMtrecSuite) folder = entry.data;
    }
    return folder;
}

}  // namespace mtrec::ui
