#include "experiment/protocol_run.h"

#include <algorithm>

#include "experiment/evaluation_job.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

fs::path absoluteBase(const fs::path& baseDir) {
    return fs::absolute(baseDir.empty() ? fs::current_path() : baseDir).lexically_normal();
}

/// Forwards a job's reports stamped with the planned run they belong to.
ProgressSink stamped(const ProgressSink& progress, std::size_t index, std::size_t count) {
    if (!progress) return {};
    return [progress, index, count](const Progress& report) {
        Progress copy = report;
        copy.runIndex = index;
        copy.runCount = count;
        progress(copy);
    };
}

void say(const ProgressSink& sink, std::int64_t runId, const std::string& message) {
    Progress line;
    line.phase = Phase::Preparing;
    line.runId = runId;
    line.message = message;
    notify(sink, line);
}

/// What one planned run came to.
struct Step {
    std::int64_t runId = 0;
    bool cancelled = false;
};

Result<Step> train(const PlannedRun& planned, const std::optional<store::RunRecord>& stored,
                   const TrainingRunOptions& options, const ProgressSink& sink,
                   const CancelToken& cancel) {
    Result<TrainingRunOutcome> outcome = Error{""};
    if (stored) {
        outcome = resumeTrainingRun(stored->id, options, sink, cancel);
    } else {
        TrainingRunCheck checked =
            checkTrainingConfigValue(planned.config, planned.label(), options.baseDir);
        outcome = startTrainingRun(std::move(checked), options, sink, cancel);
    }
    if (!outcome) return outcome.error();
    return Step{outcome.value().runId, outcome.value().status == store::RunStatus::Cancelled};
}

Result<Step> evaluateBm25(const PlannedRun& planned, const TrainingRunOptions& training,
                          const ProgressSink& sink, const CancelToken& cancel) {
    const fs::path base = absoluteBase(training.baseDir);
    EvaluationJobOptions options;
    options.suite = planned.suite.suite;
    options.dataDir = planned.suite.data;
    options.languages = planned.suite.languages;
    options.scorer = "bm25";
    options.threads = static_cast<int>(std::max<std::size_t>(1, training.threads));
    options.outDir = (base / "runs" / ("bm25-" + planned.suite.suite)).string();
    const fs::path database(training.databasePath);
    options.databasePath = (database.is_absolute() ? database : base / database).string();
    options.runName = planned.name;
    Result<EvaluationJobOutcome> outcome = runEvaluation(options, sink, cancel);
    if (!outcome) {
        if (cancel.cancelled()) return Step{0, true};
        return outcome.error();
    }
    return Step{outcome.value().runId.value_or(0), false};
}

std::string position(std::size_t index, std::size_t count, const PlannedRun& planned) {
    return "run " + std::to_string(index) + " of " + std::to_string(count) + " (" +
           planned.label() + ")";
}

Status checkNotRunning(const std::optional<store::RunRecord>& stored, const std::string& where) {
    if (!stored || stored->status != store::RunStatus::Running) return success();
    return Error{where + ": run " + std::to_string(stored->id) + " is running in process " +
                 std::to_string(stored->pid.value_or(0)) + " on " + stored->hostname.value_or("?") +
                 "; wait for it to end or stop it, then run the protocol again"};
}

Result<store::ExperimentStore> openStore(const TrainingRunOptions& options) {
    const fs::path database(options.databasePath);
    const fs::path path =
        database.is_absolute() ? database : absoluteBase(options.baseDir) / database;
    store::StoreOptions storeOptions;
    storeOptions.mode = store::OpenMode::ReadWriteCreate;
    return store::ExperimentStore::open(path.string(), storeOptions);
}

}  // namespace

std::vector<report::ProtocolTableRow> comparisonRows(const ProtocolPlan& plan,
                                                     const ProtocolOutcome& outcome) {
    std::vector<report::ProtocolTableRow> rows;
    for (std::size_t i = 0; i < plan.runs.size() && i < outcome.runIds.size(); ++i) {
        if (outcome.runIds[i] == 0) continue;
        const std::string& name = plan.runs[i].name;
        auto row =
            std::find_if(rows.begin(), rows.end(),
                         [&name](const report::ProtocolTableRow& r) { return r.label == name; });
        if (row == rows.end()) row = rows.insert(rows.end(), report::ProtocolTableRow{name, {}});
        row->runIds.push_back(outcome.runIds[i]);
    }
    return rows;
}

std::size_t ProtocolOutcome::count(PlannedRunAction action) const {
    return static_cast<std::size_t>(std::count(actions.begin(), actions.end(), action));
}

Result<ProtocolOutcome> runProtocol(const ProtocolPlan& plan, const ProtocolRunOptions& options,
                                    const ProgressSink& progress, const CancelToken& cancel) {
    Result<store::ExperimentStore> store = openStore(options.training);
    if (!store) return store.error();
    store::RunRepository runs = store.value().runs();
    const std::size_t count = plan.runs.size();
    ProtocolOutcome outcome;
    outcome.runIds.assign(count, 0);
    outcome.actions.assign(count, PlannedRunAction::NotReached);
    for (std::size_t i = 0; i < count && !outcome.cancelled; ++i) {
        const PlannedRun& planned = plan.runs[i];
        const std::string where = position(i + 1, count, planned);
        const ProgressSink sink = stamped(progress, i + 1, count);
        if (cancel.cancelled()) {
            outcome.cancelled = true;
            break;
        }
        Result<std::optional<store::RunRecord>> stored = findPlannedRun(runs, planned);
        if (!stored) return Error{where + ": " + stored.error().message};
        if (Status free = checkNotRunning(stored.value(), where); !free) return free.error();
        if (stored.value() && stored.value()->status == store::RunStatus::Finished) {
            say(sink, stored.value()->id,
                where + ": already finished as run " + std::to_string(stored.value()->id));
            outcome.runIds[i] = stored.value()->id;
            outcome.actions[i] = PlannedRunAction::AlreadyFinished;
            continue;
        }
        const bool resume = stored.value().has_value() && planned.kind != PlannedRunKind::Bm25;
        say(sink, resume ? stored.value()->id : 0,
            where + (resume ? ": resuming run " + std::to_string(stored.value()->id) : ""));
        Result<Step> step = planned.kind == PlannedRunKind::Bm25
                                ? evaluateBm25(planned, options.training, sink, cancel)
                                : train(planned, resume ? stored.value() : std::nullopt,
                                        options.training, sink, cancel);
        if (!step) return Error{where + ": " + step.error().message};
        outcome.runIds[i] = step.value().runId;
        outcome.actions[i] = resume ? PlannedRunAction::Resumed : PlannedRunAction::Started;
        outcome.cancelled = step.value().cancelled;
    }
    Progress done;
    done.phase = Phase::Done;
    done.runCount = count;
    done.runIndex = count;
    notify(progress, done);
    return outcome;
}

}  // namespace mtrec::experiment
