#include "experiment/overlap_guard.h"

#include "experiment/suite_loader.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

std::string resolved(const fs::path& baseDir, const std::string& folder) {
    const fs::path given(folder);
    return (given.is_absolute() || baseDir.empty() ? given : baseDir / given).string();
}

}  // namespace

std::string trainingSourceOf(const DataConfig& data) {
    std::string text;
    const auto add = [&text](const std::string& source) {
        text += (text.empty() ? "" : ", ") + source;
    };
    if (!data.parallelQaFolder.empty()) add(data.parallelQaFolder);
    for (const auto& [lang, file] : data.parallelQaFiles) add(file);
    for (const std::string& file : data.jsonlFiles) add(file);
    return text.empty() ? "no QA data" : text;
}

TrainingTexts trainingTextsOf(const TrainingData& data) {
    return TrainingTexts({&data.train, &data.validation});
}

std::vector<SuiteOverlap> sharedWith(const TrainingTexts& training,
                                     const std::vector<data::RetrievalSuite>& suites) {
    std::vector<SuiteOverlap> shared;
    for (const data::RetrievalSuite& suite : suites)
        if (SuiteOverlap overlap = findOverlap(training, suite); overlap.any())
            shared.push_back(std::move(overlap));
    return shared;
}

store::SuiteContamination contaminationRecord(const SuiteOverlap& overlap,
                                              const std::string& trainingSource) {
    const auto count = [](std::size_t n) { return static_cast<std::int64_t>(n); };
    return {overlap.suite,
            count(overlap.questions),
            count(overlap.sharedQuestions),
            count(overlap.passages),
            count(overlap.sharedPassages),
            describeOverlap(overlap, trainingSource)};
}

std::vector<ConfigProblem> overlapProblems(const TrainingConfig& config, const TrainingData& data,
                                           const fs::path& baseDir) {
    std::vector<ConfigProblem> problems;
    const TrainingTexts training = trainingTextsOf(data);
    const std::string source = trainingSourceOf(config.data);
    for (std::size_t i = 0; i < config.evaluation.size(); ++i) {
        const EvaluationSuiteConfig& entry = config.evaluation[i];
        if (entry.allowOverlap) continue;
        const std::string at = "$.evaluation[" + std::to_string(i) + "]";
        Result<LoadedSuites> loaded =
            loadSuites({entry.suite, resolved(baseDir, entry.data), entry.languages});
        if (!loaded) {
            problems.push_back({at + ".data", loaded.error().message});
            continue;
        }
        for (const SuiteOverlap& overlap : sharedWith(training, loaded.value().suites))
            problems.push_back({at, overlap.suite + ": " + describeOverlap(overlap, source) +
                                        "; set allow_overlap to evaluate anyway"});
    }
    return problems;
}

}  // namespace mtrec::experiment
