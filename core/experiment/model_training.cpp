#include "experiment/model_training.h"

#include <filesystem>
#include <optional>

#include "experiment/overlap_guard.h"
#include "experiment/run_folder.h"
#include "experiment/training_data.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

/// The training data a run's config.json describes; an Error listing its problems.
Result<TrainingData> runTrainingData(const fs::path& configFile, TrainingConfig& config) {
    Result<ParsedTrainingConfig> parsed = readTrainingConfig(configFile.string());
    if (!parsed) return parsed.error();
    config = parsed.value().config;
    ConfigCheck check = checkTrainingConfig(parsed.value(), configFile.parent_path());
    if (!check.problems.empty())
        return Error{describeProblems(configFile.string(), check.problems)};
    if (!check.data) return Error{configFile.string() + ": no training data was read"};
    return std::move(*check.data);
}

std::string refusal(const std::vector<SuiteOverlap>& shared, const std::string& source) {
    std::string text;
    for (const SuiteOverlap& overlap : shared)
        text += (text.empty() ? "" : "\n") + overlap.suite + ": " +
                describeOverlap(overlap, source) + "; pass --allow-overlap to evaluate anyway";
    return text;
}

}  // namespace

Result<EvaluationOverlap> evaluationOverlap(const std::string& modelFolder,
                                            const std::vector<data::RetrievalSuite>& suites,
                                            bool allow) {
    EvaluationOverlap found;
    const std::optional<RunFolder> run = RunFolder::ofModel(modelFolder);
    std::error_code ec;
    if (!run || !fs::is_regular_file(run->config(), ec)) {
        found.note = "not checked for overlap with the training data: " + modelFolder +
                     " is not a run folder with a config.json that says what it trained on";
        return found;
    }
    TrainingConfig config;
    Result<TrainingData> data = runTrainingData(run->config(), config);
    if (!data) {
        const std::string why =
            "cannot read the data " + modelFolder +
            " trained on, to check it against the suites: " + data.error().message;
        if (!allow) return Error{why + "\n(pass --allow-overlap to evaluate without the check)"};
        found.note = "not checked for overlap: " + why;
        return found;
    }
    found.trainingSource = trainingSourceOf(config.data);
    found.shared = sharedWith(trainingTextsOf(data.value()), suites);
    if (!found.shared.empty() && !allow) return Error{refusal(found.shared, found.trainingSource)};
    return found;
}

}  // namespace mtrec::experiment
