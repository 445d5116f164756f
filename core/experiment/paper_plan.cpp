// paperPlan: the MLQA → XQuAD-R protocol of the shared datasets (protocol_plan.h).

#include <algorithm>
#include <optional>

#include "experiment/config_paths.h"
#include "experiment/protocol_plan.h"
#include "experiment/protocol_plan_detail.h"
#include "experiment/question_overlap.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

constexpr const char* kConfigPrefix = "mlqa-";
constexpr const char* kUntrainedConfig = "mlqa-untrained.json";
/// Table order of the strategies; others follow by name.
const std::vector<std::string> kStrategyOrder = {"mono",  "cross",     "hybrid",
                                                 "mixed", "multitask", "multitask-equal-qa"};

std::size_t orderOf(const fs::path& file) {
    const std::string strategy = file.stem().string().substr(std::string(kConfigPrefix).size());
    const auto found = std::find(kStrategyOrder.begin(), kStrategyOrder.end(), strategy);
    return static_cast<std::size_t>(found - kStrategyOrder.begin());
}

/// mlqa-<strategy>.json of `dir` but the untrained one, in table order.
std::vector<fs::path> strategyConfigs(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const fs::path& file : jsonFilesIn(dir)) {
        const std::string name = file.filename().string();
        if (name.rfind(kConfigPrefix, 0) == 0 && name != kUntrainedConfig) files.push_back(file);
    }
    std::stable_sort(files.begin(), files.end(),
                     [](const fs::path& a, const fs::path& b) { return orderOf(a) < orderOf(b); });
    return files;
}

std::vector<std::string> missingPaths(const TrainingConfig& config) {
    std::vector<std::string> missing;
    mapConfigPaths(config, [&missing](const std::string& path) {
        std::error_code ec;
        if (!fs::exists(path, ec)) missing.push_back(path);
        return path;
    });
    return missing;
}

Error missingData(const fs::path& root, const std::vector<std::string>& missing) {
    std::string message = "the paper protocol's data is not there: " + missing.front();
    if (missing.size() > 1) message += " (and " + std::to_string(missing.size() - 1) + " more)";
    return Error{message + ". It reads MLQA dev, XQuAD-R and LASER Tatoeba from " + root.string() +
                 "; get them with scripts/get-datasets.sh (which fills ../shared/datasets beside "
                 "the repository), or give --data the folder that holds them"};
}

std::vector<fs::path> trainingQaFiles(const DataConfig& data) {
    std::vector<fs::path> files;
    if (!data.parallelQaFolder.empty()) files = jsonFilesIn(data.parallelQaFolder);
    for (const auto& [lang, file] : data.parallelQaFiles) files.emplace_back(file);
    return files;
}

/// MLQA-R when <root>/mlqa-r holds it and no question of it is in the training data; a note either
/// way. MLQA-R is MLQA dev with LAReQA's sentence breaks, and the project's mlqa-r reader reads it
/// from MLQA's own files (<root>/mlqa), so the overlap is checked on LAReQA's copy.
Result<std::optional<EvaluationSuiteConfig>> mlqaRSuite(const fs::path& root,
                                                        const TrainingConfig& training,
                                                        const PlanScale& scale,
                                                        std::vector<std::string>& notes) {
    const fs::path folder = root / "mlqa-r";
    const std::vector<fs::path> files = jsonFilesIn(folder);
    if (files.empty()) {
        notes.push_back("MLQA-R left out: no LAReQA MLQA-R files in " + folder.string());
        return std::optional<EvaluationSuiteConfig>();
    }
    Result<QuestionOverlap> overlap = questionOverlap(trainingQaFiles(training.data), files);
    if (!overlap) return overlap.error();
    if (overlap.value().shared > 0) {
        notes.push_back("MLQA-R left out: " + std::to_string(overlap.value().shared) + " of its " +
                        std::to_string(overlap.value().evaluationQuestions) +
                        " questions are in the training data (" + training.data.parallelQaFolder +
                        "); it is MLQA dev, so it would not be a zero-shot evaluation");
        return std::optional<EvaluationSuiteConfig>();
    }
    notes.push_back("MLQA-R (" + (root / "mlqa").string() + "): no question in the training data");
    return std::optional<EvaluationSuiteConfig>(
        EvaluationSuiteConfig{"mlqa-r", (root / "mlqa").string(), scale.evaluationLanguages});
}

/// The untrained config of one seed, which says the suites and holds no training-only files.
Result<TrainingConfig> untrainedConfig(const PaperPlanOptions& options, std::uint64_t seed) {
    return plannedConfig(options.configsDir / kUntrainedConfig, seed, options.dataRoot,
                         options.baseDir, options.scale);
}

}  // namespace

Result<ProtocolPlan> paperPlan(const PaperPlanOptions& options) {
    if (options.seeds.empty()) return Error{"the paper protocol needs at least one seed"};
    const std::vector<fs::path> strategies = strategyConfigs(options.configsDir);
    if (strategies.empty())
        return Error{"no mlqa-<strategy>.json configs in " + options.configsDir.string()};
    ProtocolPlan plan;
    plan.protocol = "paper";
    std::optional<EvaluationSuiteConfig> mlqaR;
    for (const std::uint64_t seed : options.seeds) {
        std::vector<TrainingConfig> configs;
        Result<TrainingConfig> untrained = untrainedConfig(options, seed);
        if (!untrained) return untrained.error();
        configs.push_back(std::move(untrained).value());
        for (const fs::path& file : strategies) {
            Result<TrainingConfig> config =
                plannedConfig(file, seed, options.dataRoot, options.baseDir, options.scale);
            if (!config) return config.error();
            configs.push_back(std::move(config).value());
        }
        for (const TrainingConfig& config : configs)
            if (std::vector<std::string> missing = missingPaths(config); !missing.empty())
                return missingData(options.dataRoot, missing);
        if (plan.runs.empty()) {
            for (const EvaluationSuiteConfig& suite : configs.front().evaluation)
                plan.notes.push_back(suite.suite + " (" + suite.data +
                                     "): zero-shot, the model never trains on it");
            Result<std::optional<EvaluationSuiteConfig>> found =
                mlqaRSuite(options.dataRoot, configs.back(), options.scale, plan.notes);
            if (!found) return found.error();
            mlqaR = found.value();
        }
        for (TrainingConfig& config : configs)
            if (mlqaR) config.evaluation.push_back(*mlqaR);
        if (plan.runs.empty()) plan.suites = detail::suiteNames(configs.front());
        std::vector<PlannedRun> bm25 =
            plan.runs.empty() ? detail::bm25Runs(configs.front()) : std::vector<PlannedRun>();
        plan.runs.push_back(
            detail::trainedRun(std::move(configs.front()), PlannedRunKind::Untrained));
        for (PlannedRun& run : bm25) plan.runs.push_back(std::move(run));
        for (std::size_t i = 1; i < configs.size(); ++i)
            plan.runs.push_back(detail::trainedRun(std::move(configs[i]), PlannedRunKind::Trained));
    }
    return plan;
}

}  // namespace mtrec::experiment
