// mtrec runs list / show.

#include <nlohmann/json.hpp>

#include <set>

#include "cli/runs_common.h"
#include "experiment/training_languages.h"
#include "report/run_tables.h"
#include "report/seen_unseen_table.h"

namespace mtrec::cli::runs {

namespace {

store::RunSortKey sortKey(const std::string& name) {
    using store::RunSortKey;
    if (name == "name") return RunSortKey::Name;
    if (name == "strategy") return RunSortKey::Strategy;
    if (name == "seed") return RunSortKey::Seed;
    if (name == "status") return RunSortKey::Status;
    if (name == "created") return RunSortKey::Created;
    return RunSortKey::Id;
}

std::optional<store::RunStatus> statusOf(const RunsOptions& o) {
    if (o.status.empty()) return std::nullopt;
    if (std::optional<store::RunStatus> status = store::statusFromName(o.status)) return status;
    fail("runs list: unknown status '" + o.status +
         "' (choose queued, running, finished, failed, cancelled or interrupted)");
}

nlohmann::json setMeanJson(const report::SetMean& mean) {
    return mean.empty() ? nlohmann::json(nullptr) : nlohmann::json(mean.value);
}

nlohmann::json scoresJson(const report::LanguageSetScores& scores) {
    return {{"Mo", setMeanJson(scores.mo)},
            {"Cr", setMeanJson(scores.cr)},
            {"Mul", setMeanJson(scores.mul)},
            {"rank_distance", setMeanJson(scores.rankDistance)}};
}

/// {suite: {seen_languages, unseen_languages, seen, unseen, mixed}} of the runs with a split.
nlohmann::json seenUnseenJson(const std::vector<report::SeenUnseenSummary>& summaries) {
    nlohmann::json bySuite = nlohmann::json::object();
    for (const report::SeenUnseenSummary& s : summaries) {
        if (!s.hasTrainingLanguages) continue;
        bySuite[s.suite] = {{"seen_languages", s.seen},
                            {"unseen_languages", s.unseen},
                            {"seen", scoresJson(s.seenScores)},
                            {"unseen", scoresJson(s.unseenScores)},
                            {"mixed", {{"Cr", setMeanJson(s.mixedCr)}}}};
    }
    return bySuite;
}

std::vector<store::RunRecord> recordsOf(const std::vector<store::RunListing>& runs) {
    std::vector<store::RunRecord> records;
    for (const store::RunListing& listing : runs) records.push_back(listing.run);
    return records;
}

void printListJson(const std::vector<store::RunListing>& runs, const std::set<std::int64_t>& gone,
                   const std::vector<std::vector<report::SeenUnseenSummary>>& seenUnseen,
                   std::ostream& out) {
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const store::RunListing& listing = runs[i];
        const store::RunRecord& r = listing.run;
        nlohmann::json item = {{"id", r.id},
                               {"name", r.name},
                               {"strategy", r.strategy},
                               {"seed", r.seed},
                               {"status", store::statusName(r.status)},
                               {"process_gone", gone.count(r.id) > 0},
                               {"created", formatTime(r.createdAtMs)},
                               {"tags", r.tags}};
        nlohmann::json summary = nlohmann::json::object();
        for (const store::SettingValue& v : listing.summary)
            summary[v.suite][report::settingText(v.setting)] = v.value;
        item["summary"] = summary;
        nlohmann::json contaminated = nlohmann::json::object();
        for (const store::SuiteContamination& record : r.contaminated)
            contaminated[record.suite] = {{"shared_questions", record.sharedQuestions},
                                          {"shared_passages", record.sharedPassages},
                                          {"description", record.description}};
        item["contaminated"] = contaminated;
        item["seen_unseen"] = seenUnseenJson(seenUnseen.at(i));
        list.push_back(std::move(item));
    }
    out << list.dump(2) << "\n";
}

void printRunHeader(store::ExperimentStore& store, const store::RunRecord& r, std::ostream& out) {
    std::string tags;
    for (const std::string& tag : r.tags) tags += (tags.empty() ? "" : ", ") + tag;
    out << "Run " << r.id << ": " << r.name << "\n"
        << "  status      " << store::statusName(r.status) << "\n"
        << "  strategy    " << r.strategy << "  (seed " << r.seed << ")\n"
        << "  experiment  " << (r.experimentId ? std::to_string(*r.experimentId) : "-") << "\n"
        << "  created     " << formatTime(r.createdAtMs) << "\n"
        << "  started     " << formatTime(r.startedAtMs) << "\n"
        << "  finished    " << formatTime(r.finishedAtMs) << "\n"
        << "  heartbeat   " << formatTime(r.heartbeatAtMs) << "\n"
        << "  process     "
        << (r.pid ? "pid " + std::to_string(*r.pid) + " on " + r.hostname.value_or("?") : "-")
        << "\n  checkpoint  " << r.checkpointPath.value_or("-") << "\n"
        << "  code        " << r.codeVersion << "\n"
        << "  tags        " << (tags.empty() ? "-" : tags) << "\n";
    if (r.errorText) out << "  error       " << *r.errorText << "\n";
    for (const store::SuiteContamination& record : r.contaminated)
        out << "  overlap     " << record.marker() << ": " << record.description << "\n";
    out << "  config      " << r.configJson << "\n";
    store::TrainingLog log = store.trainingLog();
    const auto last = unwrap(log.lastStep(r.id));
    out << "  steps       " << (last ? "last logged step " + std::to_string(*last) : "none logged")
        << "\n";
    for (const store::BranchCount& b : unwrap(log.branchMix(r.id)))
        out << "  batches     " << b.branch << (b.task.empty() ? "" : "/" + b.task) << ": "
            << b.steps << " steps, " << b.pairs << " pairs\n";
    for (const store::Note& note : unwrap(store.runs().notes(r.id)))
        out << "  note        [" << formatTime(note.createdAtMs) << "] " << note.text << "\n";
}

}  // namespace

void runList(const RunsOptions& o, std::ostream& out) {
    if (o.format != "table" && o.format != "csv" && o.format != "json")
        fail("runs list: unknown format '" + o.format + "' (choose table, csv or json)");
    const store::ListOptions options{sortKey(o.sort), o.descending, metricOf(o),
                                     o.suite,         statusOf(o),  o.tag};
    store::ExperimentStore store = openStore(o, false);
    const std::vector<store::RunListing> runs = unwrap(store.runs().list(options));
    const std::vector<std::int64_t> goneIds =
        unwrap(store.runs().findInterrupted(store::StoreOptions{}.heartbeatTimeoutMs));
    const std::set<std::int64_t> gone(goneIds.begin(), goneIds.end());
    store::ResultRepository results = store.results();
    const auto seenUnseen = unwrap(report::readListedSummaries(
        results, runs, unwrap(experiment::trainingLanguagesByRun(store, recordsOf(runs))),
        options.metric));
    if (o.format == "json") return printListJson(runs, gone, seenUnseen, out);
    report::Table table = report::runListTable(runs, options.metric, gone);
    report::appendSeenUnseenColumns(table, runs, seenUnseen, options.metric);
    if (o.format == "csv") {
        report::appendContaminationColumn(table, runs);
        out << report::renderCsv(table);
        return;
    }
    if (runs.empty()) {
        out << "no runs in " << o.db << "\n";
        return;
    }
    out << report::renderPlain(table);
}

void runShow(const RunsOptions& o, std::ostream& out) {
    const store::Measure metric = metricOf(o);
    store::ExperimentStore store = openStore(o, false);
    const store::RunRecord run = unwrap(store.runs().get(o.runId));
    printRunHeader(store, run, out);
    store::ResultRepository results = store.results();
    const std::vector<store::EvalCell> cells = unwrap(results.matrix(run.id, o.suite));
    if (cells.empty()) {
        out << "\nno evaluation results\n";
        return;
    }
    store::TrainingLog log = store.trainingLog();
    const std::vector<std::string> trained = unwrap(experiment::trainingLanguages(run, log));
    const eval::Metric summaryMetric = metric.metric().value_or(eval::Metric::Map);
    for (const std::string& suite : report::suitesOf(cells)) {
        out << "\n";
        if (const auto* record = store::findContamination(run.contaminated, suite))
            out << record->marker() << "\n";
        out << report::renderPlain(report::settingSummaryTable(cells, suite)) << "\n"
            << report::renderPlain(report::seenUnseenTable(
                   report::seenUnseenSummary(cells, suite, trained, summaryMetric)))
            << "\n"
            << report::renderPlain(
                   report::matrixTable(run, unwrap(results.languageGrid(run.id, suite, metric))));
        const auto diagnostics = unwrap(results.languageDiagnostics(run.id, suite));
        if (!diagnostics.empty())
            out << "\n" << report::renderPlain(report::diagnosticsTable(diagnostics, suite));
    }
}

}  // namespace mtrec::cli::runs
