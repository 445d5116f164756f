#include "cli/demo_console.h"

#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/exit_error.h"
#include "cli/training_console.h"
#include "experiment/training_languages.h"
#include "report/protocol_table.h"
#include "store/experiment_store.h"
#include "train/qa_budget.h"

namespace mtrec::cli {
namespace {

std::string kindText(const experiment::PlannedRun& run) {
    switch (run.kind) {
        case experiment::PlannedRunKind::Bm25:
            return "BM25 on " + run.suite.data;
        case experiment::PlannedRunKind::Untrained:
            return "untrained encoder";
        case experiment::PlannedRunKind::Trained:
            break;
    }
    const std::size_t asked = run.config.optimizer.steps.value_or(0);
    const std::size_t steps = train::optimizerSteps(run.config.strategy, asked,
                                                    !run.config.data.parallelSentences.empty());
    return "trains " + std::to_string(steps) + " steps" +
           (steps == asked ? "" : " (" + std::to_string(asked) + " of them QA)");
}

std::optional<store::ExperimentStore> openIfPresent(const std::string& db) {
    std::error_code ec;
    if (!std::filesystem::exists(db, ec)) return std::nullopt;
    store::StoreOptions options;
    options.mode = store::OpenMode::ReadOnly;
    Result<store::ExperimentStore> store = store::ExperimentStore::open(db, options);
    if (!store) throw ExitError(store.error().message);
    return std::move(store).value();
}

std::string storedText(const std::optional<store::RunRecord>& stored) {
    if (!stored) return "new";
    const std::string id = std::to_string(stored->id);
    if (stored->status == store::RunStatus::Finished) return "finished as run " + id;
    return "run " + id + " (" + std::string(store::statusName(stored->status)) + ") to resume";
}

std::string cancelledText(const std::string& rerun) {
    return "stopped: the run under way was cancelled and keeps its checkpoint; finished runs are "
           "kept. Continue where it stopped with: " +
           rerun;
}

std::string failedText(const Error& error, const std::string& rerun) {
    return error.message + "\nFinished runs are kept; after fixing that, continue with: " + rerun;
}

nlohmann::json runIdsByName(const experiment::ProtocolPlan& plan,
                            const experiment::ProtocolOutcome& outcome) {
    nlohmann::json runs = nlohmann::json::object();
    for (const report::ProtocolTableRow& row : experiment::comparisonRows(plan, outcome))
        runs[row.label] = row.runIds;
    return runs;
}

std::vector<store::RunRecord> runsOf(store::ExperimentStore& store,
                                     const std::vector<report::ProtocolTableRow>& rows) {
    std::vector<store::RunRecord> runs;
    for (const report::ProtocolTableRow& row : rows)
        for (const std::int64_t id : row.runIds) {
            Result<store::RunRecord> run = store.runs().get(id);
            if (!run) throw ExitError(run.error().message);
            runs.push_back(std::move(run).value());
        }
    return runs;
}

/// The comparison over the training languages and the others, or the line saying there are none.
void printSeenUnseen(store::ExperimentStore& store,
                     const std::vector<report::ProtocolTableRow>& rows,
                     const std::vector<std::string>& suites, std::ostream& out) {
    Result<report::TrainingLanguagesByRun> trained =
        experiment::trainingLanguagesByRun(store, runsOf(store, rows));
    if (!trained) throw ExitError(trained.error().message);
    store::ResultRepository results = store.results();
    Result<report::Table> table =
        report::protocolSeenUnseenTable(results, rows, suites, trained.value());
    if (!table) throw ExitError(table.error().message);
    out << '\n'
        << (table.value().rows.empty() ? table.value().note + '\n'
                                       : report::renderPlain(table.value()));
}

}  // namespace

DemoConsole::DemoConsole() = default;
DemoConsole::~DemoConsole() = default;

ProgressSink DemoConsole::sink() {
    return [this](const Progress& progress) { show(progress); };
}

void DemoConsole::show(const Progress& p) {
    if (p.runIndex != runIndex_) {
        run_ = std::make_unique<TrainingConsole>(std::cout);
        runIndex_ = p.runIndex;
    }
    if (p.phase == Phase::Preparing && !p.message.empty()) std::cerr << p.message << '\n';
    if (run_) run_->sink()(p);
}

void DemoConsole::report(const experiment::ProtocolPlan& plan,
                         const Result<experiment::ProtocolOutcome>& outcome, const std::string& db,
                         const std::string& rerun, std::ostream& out) {
    run_.reset();
    if (!outcome) throw ExitError(failedText(outcome.error(), rerun));
    const experiment::ProtocolOutcome& done = outcome.value();
    if (done.cancelled) throw ExitError(cancelledText(rerun));
    using Action = experiment::PlannedRunAction;
    out << plan.runs.size() << " runs in " << db << ": " << done.count(Action::AlreadyFinished)
        << " already finished, " << done.count(Action::Resumed) << " resumed, "
        << done.count(Action::Started) << " new\n\n";
    std::optional<store::ExperimentStore> store = openIfPresent(db);
    if (!store) throw ExitError("the database " + db + " is gone");
    store::ResultRepository results = store->results();
    const std::vector<report::ProtocolTableRow> rows = experiment::comparisonRows(plan, done);
    Result<report::Table> table = report::protocolTable(results, rows, plan.suites);
    if (!table) throw ExitError(table.error().message);
    out << report::renderPlain(table.value());
    printSeenUnseen(*store, rows, plan.suites, out);
}

void printPlanHeader(const experiment::ProtocolPlan& plan, const std::string& db,
                     std::ostream& out) {
    out << (plan.protocol == "quick" ? "quick demo" : "paper protocol") << ": " << plan.runs.size()
        << " runs into " << db << '\n';
    for (const std::string& note : plan.notes) out << "  " << note << '\n';
}

void printPlan(const experiment::ProtocolPlan& plan, const std::string& db, std::ostream& out) {
    printPlanHeader(plan, db, out);
    std::optional<store::ExperimentStore> store = openIfPresent(db);
    std::optional<store::RunRepository> runs;
    if (store) runs.emplace(store->runs());
    for (std::size_t i = 0; i < plan.runs.size(); ++i) {
        const experiment::PlannedRun& planned = plan.runs[i];
        std::optional<store::RunRecord> stored;
        if (runs) {
            Result<std::optional<store::RunRecord>> found =
                experiment::findPlannedRun(*runs, planned);
            if (!found) throw ExitError(found.error().message);
            stored = found.value();
        }
        out << (i + 1) << ". " << planned.label() << ": " << kindText(planned) << "; "
            << storedText(stored) << '\n';
    }
}

void reportJson(const experiment::ProtocolPlan& plan,
                const Result<experiment::ProtocolOutcome>& outcome, JsonProgress& json,
                const std::string& rerun) {
    if (!outcome) {
        json.end("failed", outcome.error().message);
        throw ExitError(failedText(outcome.error(), rerun));
    }
    const nlohmann::json extra = {{"runs", runIdsByName(plan, outcome.value())}};
    if (outcome.value().cancelled) {
        json.end("cancelled", cancelledText(rerun), extra);
        throw ExitError(cancelledText(rerun));
    }
    json.end("finished", "", extra);
}

}  // namespace mtrec::cli
