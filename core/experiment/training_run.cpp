#include "experiment/training_run.h"

#include <cctype>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "experiment/config_paths.h"
#include "experiment/encoder_setup.h"
#include "experiment/overlap_guard.h"
#include "experiment/run_folder.h"
#include "experiment/run_session.h"
#include "train/strategy_spec.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

fs::path baseOf(const fs::path& baseDir) {
    return fs::absolute(baseDir.empty() ? fs::current_path() : baseDir).lexically_normal();
}

std::string absolute(const fs::path& base, const std::string& path) {
    if (path.empty()) return path;
    const fs::path given(path);
    return (given.is_absolute() ? given : base / given).lexically_normal().string();
}

/// A run name as a folder name: letters, digits, '.', '_' and '-' kept, anything else '-'.
std::string folderName(const std::string& name) {
    std::string out;
    for (const unsigned char c : name)
        out += std::isalnum(c) || c == '.' || c == '_' || c == '-' ? static_cast<char>(c) : '-';
    return out.empty() ? "run" : out;
}

Status checkOutputFolder(const RunFolder& folder) {
    if (folder.hasCheckpoints())
        return Error{folder.root().string() + " already holds another run's checkpoints (" +
                     folder.checkpoints().string() + "); choose another output folder"};
    return success();
}

/// The report that announces a run and its folder.
void announce(const ProgressSink& progress, std::int64_t runId, const fs::path& outputDir) {
    Progress created;
    created.phase = Phase::Preparing;
    created.runId = runId;
    created.outputDir = outputDir.string();
    notify(progress, created);
}

Result<store::ExperimentStore> openStore(const fs::path& base, const std::string& database,
                                         store::OpenMode mode) {
    store::StoreOptions options;
    options.mode = mode;
    return store::ExperimentStore::open(absolute(base, database), options);
}

/// `base/runs/<id>-<name>`, or with "-2", "-3", ... appended while that folder exists and is not
/// empty: run ids start again in a new database, and a new run must never find (and resume from)
/// the checkpoints of an older run of another database.
fs::path freshRunFolder(const fs::path& base, std::int64_t id, const std::string& name) {
    const fs::path first = base / "runs" / (std::to_string(id) + "-" + folderName(name));
    fs::path folder = first;
    std::error_code ec;
    for (int n = 2; fs::exists(folder, ec) && !fs::is_empty(folder, ec); ++n)
        folder = first.string() + "-" + std::to_string(n);
    return folder;
}

/// The run's config beside its checkpoints (RunFolder::config), pretty-printed.
Status writeConfigFile(const RunFolder& folder, const std::string& configJson) {
    std::ofstream out(folder.config(), std::ios::binary);
    out << nlohmann::json::parse(configJson).dump(2) << '\n';
    if (!out) return Error{"cannot write " + folder.config().string()};
    return success();
}

/// Creates the run (queued), its output folder and its config file there; returns the id.
Result<std::int64_t> createRun(store::ExperimentStore& store, const TrainingConfig& config,
                               const fs::path& base, const fs::path& requestedOutput,
                               fs::path& outputDir) {
    store::NewRun run;
    run.name = config.name;
    run.configJson = toJson(config).dump();
    run.strategy = train::strategyNameText(config.strategy.name);
    run.seed = static_cast<std::int64_t>(config.seed);
    Result<std::int64_t> id = store.runs().create(run);
    if (!id) return id;
    outputDir =
        !requestedOutput.empty() ? requestedOutput : freshRunFolder(base, id.value(), config.name);
    std::error_code ec;
    fs::create_directories(outputDir, ec);
    Status recorded = ec ? Status(Error{"cannot create the output folder " + outputDir.string() +
                                        ": " + ec.message()})
                         : writeConfigFile(RunFolder(outputDir), run.configJson);
    if (recorded)
        recorded =
            store.runs().setCheckpoint(id.value(), RunFolder(outputDir).checkpoints().string());
    if (!recorded) {
        static_cast<void>(store.runs().fail(id.value(), recorded.error().message));
        return Error{"run " + std::to_string(id.value()) + " failed: " + recorded.error().message};
    }
    return id;
}

/// checkTrainingConfig and the model section's check, every problem once.
TrainingRunCheck checkParsed(ParsedTrainingConfig parsed, const std::string& origin,
                             const fs::path& base) {
    ConfigCheck check = checkTrainingConfig(parsed, base);
    TrainingRunCheck result;
    result.configFile = origin;
    result.config = std::move(parsed.config);
    result.problems = std::move(check.problems);
    std::set<std::string> seen;
    for (const ConfigProblem& problem : result.problems) seen.insert(problem.path);
    for (ConfigProblem& problem : checkModelSection(result.config))
        if (!seen.count(problem.path)) result.problems.push_back(std::move(problem));
    // Last, as it reads every suite: only a config that is right in every other way gets here.
    if (result.problems.empty() && check.data)
        result.problems = overlapProblems(result.config, *check.data, base);
    if (result.problems.empty()) result.data = std::move(check.data);
    return result;
}

Status checkResumable(const store::RunRecord& run) {
    const std::string name = "run " + std::to_string(run.id);
    if (run.status == store::RunStatus::Running)
        return Error{name + " is running (process " + std::to_string(run.pid.value_or(0)) + " on " +
                     run.hostname.value_or("?") + "); stop it before resuming"};
    if (run.status == store::RunStatus::Finished)
        return Error{name + " is finished; only an interrupted, failed or cancelled run resumes"};
    if (!run.checkpointPath || run.checkpointPath->empty())
        return Error{name + " records no checkpoint folder; it was not started by mtrec train"};
    return success();
}

/// The run's stored config, checked again (its files may have moved since).
Result<TrainingRunCheck> checkStoredConfig(const store::RunRecord& run, const fs::path& base) {
    const std::string origin = "run " + std::to_string(run.id) + "'s config";
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(run.configJson);
    } catch (const nlohmann::json::exception& error) {
        return Error{origin + ": not JSON: " + error.what()};
    }
    TrainingRunCheck checked = checkParsed(parseTrainingConfig(json), origin, base);
    if (!checked.ok())
        return Error{checked.problems.empty() ? origin + ": no data was read"
                                              : checked.problemText()};
    return checked;
}

}  // namespace

Result<TrainingRunCheck> checkTrainingRun(const std::string& configFile, const fs::path& baseDir) {
    Result<ParsedTrainingConfig> parsed = readTrainingConfig(configFile);
    if (!parsed) return parsed.error();
    return checkParsed(std::move(parsed).value(), configFile, baseOf(baseDir));
}

TrainingRunCheck checkTrainingConfigValue(TrainingConfig config, const std::string& origin,
                                          const fs::path& baseDir) {
    return checkParsed(ParsedTrainingConfig{std::move(config), {}}, origin, baseOf(baseDir));
}

namespace {

/// A run created from a checked config: the open store, its id, config and folder.
struct CreatedRun {
    store::ExperimentStore store;
    std::int64_t id = 0;
    TrainingConfig config;
    fs::path outputDir;
};

Result<CreatedRun> createCheckedRun(TrainingRunCheck& checked, const TrainingRunOptions& options) {
    if (!checked.ok())
        return Error{checked.problems.empty() ? checked.configFile + ": no data was read"
                                              : checked.problemText()};
    const fs::path base = baseOf(options.baseDir);
    TrainingConfig config = withAbsolutePaths(std::move(checked.config), base);
    if (options.threads > 0) config.threads = options.threads;
    const fs::path requested =
        options.outputDir.empty() ? fs::path() : fs::path(absolute(base, options.outputDir));
    if (!requested.empty())
        if (Status free = checkOutputFolder(RunFolder(requested)); !free) return free.error();

    Result<store::ExperimentStore> store =
        openStore(base, options.databasePath, store::OpenMode::ReadWriteCreate);
    if (!store) return store.error();
    fs::path outputDir;
    Result<std::int64_t> runId = createRun(store.value(), config, base, requested, outputDir);
    if (!runId) return runId.error();
    return CreatedRun{std::move(store).value(), runId.value(), std::move(config), outputDir};
}

}  // namespace

Result<std::int64_t> queueTrainingRun(TrainingRunCheck checked, const TrainingRunOptions& options) {
    Result<CreatedRun> created = createCheckedRun(checked, options);
    if (!created) return created.error();
    return created.value().id;
}

Result<TrainingRunOutcome> startTrainingRun(TrainingRunCheck checked,
                                            const TrainingRunOptions& options,
                                            const ProgressSink& progress,
                                            const CancelToken& cancel) {
    Result<CreatedRun> created = createCheckedRun(checked, options);
    if (!created) return created.error();
    CreatedRun& run = created.value();
    announce(progress, run.id, run.outputDir);
    RunSession session(run.store, run.id, std::move(run.config), std::move(*checked.data),
                       RunFolder(run.outputDir), options, progress, cancel);
    return session.run(false);
}

Result<TrainingRunOutcome> resumeTrainingRun(std::int64_t runId, const TrainingRunOptions& options,
                                             const ProgressSink& progress,
                                             const CancelToken& cancel) {
    const fs::path base = baseOf(options.baseDir);
    Result<store::ExperimentStore> store =
        openStore(base, options.databasePath, store::OpenMode::ReadWrite);
    if (!store) return store.error();
    Result<store::RunRecord> run = store.value().runs().get(runId);
    if (!run) return run.error();
    if (Status resumable = checkResumable(run.value()); !resumable) return resumable.error();
    Result<TrainingRunCheck> checked = checkStoredConfig(run.value(), base);
    if (!checked) return checked.error();
    TrainingConfig& config = checked.value().config;
    if (options.threads > 0) config.threads = options.threads;

    const RunFolder folder = RunFolder::ofCheckpoint(*run.value().checkpointPath);
    announce(progress, runId, folder.root());
    RunSession session(store.value(), runId, std::move(config), std::move(*checked.value().data),
                       folder, options, progress, cancel);
    return session.run(true);
}

}  // namespace mtrec::experiment
