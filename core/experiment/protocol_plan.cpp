#include "experiment/protocol_plan.h"

#include <algorithm>

#include "experiment/config_paths.h"
#include "experiment/protocol_plan_detail.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

/// The configs name the shared datasets with this prefix, relative to the repository root.
constexpr const char* kSharedDatasets = "../shared/datasets";

fs::path absoluteBase(const fs::path& baseDir) {
    return fs::absolute(baseDir.empty() ? fs::current_path() : baseDir).lexically_normal();
}

/// `path` moved from under ../shared/datasets to under `root`; any other path as it is.
std::string rebased(const std::string& path, const fs::path& root) {
    const std::string prefix = kSharedDatasets;
    if (path == prefix) return root.string();
    if (path.rfind(prefix + "/", 0) != 0) return path;
    return (root / path.substr(prefix.size() + 1)).string();
}

void applyScale(TrainingConfig& config, const PlanScale& scale) {
    OptimizerConfig& optimizer = config.optimizer;
    if (scale.maxSteps && optimizer.steps && *optimizer.steps > *scale.maxSteps) {
        const std::size_t steps = *scale.maxSteps;
        optimizer.steps = steps;
        optimizer.warmupSteps = std::min(optimizer.warmupSteps, steps);
        if (optimizer.evalEvery > 0) optimizer.evalEvery = std::min(optimizer.evalEvery, steps);
        if (optimizer.checkpointEvery > 0)
            optimizer.checkpointEvery = std::min(optimizer.checkpointEvery, steps);
    }
    if (!scale.evaluationLanguages.empty())
        for (EvaluationSuiteConfig& suite : config.evaluation)
            suite.languages = scale.evaluationLanguages;
}

}  // namespace

std::string PlannedRun::label() const {
    if (kind == PlannedRunKind::Bm25) return name;
    return name + ", seed " + std::to_string(seed);
}

Result<TrainingConfig> plannedConfig(const fs::path& file, std::uint64_t seed,
                                     const fs::path& dataRoot, const fs::path& baseDir,
                                     const PlanScale& scale) {
    Result<ParsedTrainingConfig> parsed = readTrainingConfig(file.string());
    if (!parsed) return parsed.error();
    if (!parsed.value().problems.empty())
        return Error{describeProblems(file.string(), parsed.value().problems)};
    TrainingConfig config = std::move(parsed.value().config);
    config.seed = seed;
    if (config.tokenizer.train) config.tokenizer.train->seed = seed;
    if (!dataRoot.empty())
        config = mapConfigPaths(std::move(config), [&dataRoot](const std::string& path) {
            return rebased(path, dataRoot);
        });
    config = withAbsolutePaths(std::move(config), absoluteBase(baseDir));
    applyScale(config, scale);
    return config;
}

namespace detail {

PlannedRun trainedRun(TrainingConfig config, PlannedRunKind kind) {
    PlannedRun run;
    run.kind = kind;
    run.name = config.name;
    run.seed = config.seed;
    run.config = std::move(config);
    return run;
}

std::vector<PlannedRun> bm25Runs(const TrainingConfig& reference) {
    std::vector<PlannedRun> runs;
    for (const EvaluationSuiteConfig& suite : reference.evaluation) {
        PlannedRun run;
        run.kind = PlannedRunKind::Bm25;
        run.name = "bm25 on " + suite.suite;
        run.suite = suite;
        runs.push_back(std::move(run));
    }
    return runs;
}

std::vector<std::string> suiteNames(const TrainingConfig& config) {
    std::vector<std::string> names;
    for (const EvaluationSuiteConfig& suite : config.evaluation) names.push_back(suite.suite);
    return names;
}

}  // namespace detail

Result<ProtocolPlan> quickPlan(const QuickPlanOptions& options) {
    const auto read = [&options](const std::string& strategy) {
        return plannedConfig(options.configsDir / ("demo-" + strategy + ".json"), options.seed, {},
                             options.baseDir, options.scale);
    };
    ProtocolPlan plan;
    plan.protocol = "quick";
    Result<TrainingConfig> untrained = read("untrained");
    if (!untrained) return untrained.error();
    plan.suites = detail::suiteNames(untrained.value());
    for (const EvaluationSuiteConfig& suite : untrained.value().evaluation)
        plan.notes.push_back("evaluated on " + suite.suite + " at " + suite.data +
                             " (the demo corpus's held-out part)");
    std::vector<PlannedRun> bm25 = detail::bm25Runs(untrained.value());
    plan.runs.push_back(
        detail::trainedRun(std::move(untrained).value(), PlannedRunKind::Untrained));
    for (PlannedRun& run : bm25) plan.runs.push_back(std::move(run));
    for (const std::string& strategy : kQuickStrategies) {
        Result<TrainingConfig> config = read(strategy);
        if (!config) return config.error();
        plan.runs.push_back(detail::trainedRun(std::move(config).value(), PlannedRunKind::Trained));
    }
    return plan;
}

}  // namespace mtrec::experiment
