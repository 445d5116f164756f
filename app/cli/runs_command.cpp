#include "cli/runs_command.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <ctime>
#include <iostream>
#include <memory>
#include <set>

#include "cli/exit_error.h"
#include "experiment/trec_regeneration.h"
#include "report/csv_writer.h"
#include "store/experiment_store.h"
#include "analysis/run_comparison.h"
#include "report/run_export.h"
#include "report/run_tables.h"
#include "analysis/seed_groups.h"

namespace mtrec::cli {

namespace {

using namespace mtrec::store;
using namespace mtrec::analysis;
using namespace mtrec::report;

/// Everything the `runs` subcommands parse into; owned by the callbacks (shared_ptr).
struct RunsOptions {
    std::string db = kDefaultDatabaseName;
    std::string format = "table";
    std::string sort = "id";
    bool descending = false;
    std::string status, tag, suite;
    std::string metric = "map";
    std::int64_t runId = 0;
    std::vector<std::int64_t> runIds;
    std::string text;
    bool remove = false;
    std::string outDir;
    std::size_t permutations = 10000;
    std::uint64_t seed = 42;
    bool seedGroups = false;
    bool compare = false;
    std::string depth = "100";  ///< export --format trec: documents per query, N or "all"
};

[[noreturn]] void fail(const std::string& message) {
    throw ExitError(message);
}

template <typename T>
T unwrap(Result<T> result) {
    if (!result) fail(result.error().message);
    return std::move(result).value();
}

void check(const Status& status) {
    if (!status) fail(status.error().message);
}

ExperimentStore openStore(const RunsOptions& o, bool write) {
    StoreOptions options;
    options.mode = write ? OpenMode::ReadWrite : OpenMode::ReadOnly;
    return unwrap(ExperimentStore::open(o.db, options));
}

std::string formatTime(const std::optional<std::int64_t>& ms) {
    if (!ms) return "-";
    const std::time_t seconds = static_cast<std::time_t>(*ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%SZ", &utc);
    return buffer;
}

RunSortKey sortKey(const std::string& name) {
    if (name == "name") return RunSortKey::Name;
    if (name == "strategy") return RunSortKey::Strategy;
    if (name == "seed") return RunSortKey::Seed;
    if (name == "status") return RunSortKey::Status;
    if (name == "created") return RunSortKey::Created;
    return RunSortKey::Id;
}

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

// ---- list -------------------------------------------------------------------------------------

void printListCsv(const Table& table, std::ostream& out) {
    std::vector<std::string> header;
    for (const std::string& h : table.header) header.push_back(report::csvField(h));
    out << joined(header, ",") << "\r\n";
    for (const auto& row : table.rows) {
        std::vector<std::string> fields;
        for (const TableCell& cell : row) fields.push_back(report::csvField(cell.text));
        out << joined(fields, ",") << "\r\n";
    }
}

void printListJson(const std::vector<RunListing>& runs, const std::set<std::int64_t>& gone,
                   std::ostream& out) {
    nlohmann::json list = nlohmann::json::array();
    for (const RunListing& listing : runs) {
        const RunRecord& r = listing.run;
        nlohmann::json item = {{"id", r.id},
                               {"name", r.name},
                               {"strategy", r.strategy},
                               {"seed", r.seed},
                               {"status", statusName(r.status)},
                               {"process_gone", gone.count(r.id) > 0},
                               {"created", formatTime(r.createdAtMs)},
                               {"tags", r.tags}};
        nlohmann::json summary = nlohmann::json::object();
        for (const SettingValue& v : listing.summary) summary[v.suite][v.setting] = v.value;
        item["summary"] = summary;
        list.push_back(std::move(item));
    }
    out << list.dump(2) << "\n";
}

void runList(const RunsOptions& o, std::ostream& out) {
    if (o.format != "table" && o.format != "csv" && o.format != "json")
        fail("runs list: unknown format '" + o.format + "' (choose table, csv or json)");
    ExperimentStore store = openStore(o, false);
    ListOptions options{sortKey(o.sort), o.descending, o.metric, o.suite, o.status, o.tag};
    const std::vector<RunListing> runs = unwrap(store.runs().list(options));
    const std::vector<std::int64_t> goneIds =
        unwrap(store.runs().findInterrupted(StoreOptions{}.heartbeatTimeoutMs));
    const std::set<std::int64_t> gone(goneIds.begin(), goneIds.end());
    if (o.format == "json") return printListJson(runs, gone, out);
    Table table = summaryTable(runs, o.metric);
    table.header.insert(table.header.begin() + 5, "Tags");
    table.numeric.insert(table.numeric.begin() + 5, false);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        table.rows[i].insert(table.rows[i].begin() + 5, TableCell(joined(runs[i].run.tags, ";")));
        if (gone.count(runs[i].run.id)) table.rows[i][4] = TableCell("running (process gone)");
    }
    if (o.format == "csv") return printListCsv(table, out);
    if (runs.empty()) {
        out << "no runs in " << o.db << "\n";
        return;
    }
    out << renderPlain(table);
}

// ---- show -------------------------------------------------------------------------------------

void printRunHeader(ExperimentStore& store, const RunRecord& r, std::ostream& out) {
    out << "Run " << r.id << ": " << r.name << "\n"
        << "  status      " << statusName(r.status) << "\n"
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
        << "  tags        " << (r.tags.empty() ? "-" : joined(r.tags, ", ")) << "\n";
    if (r.errorText) out << "  error       " << *r.errorText << "\n";
    out << "  config      " << r.configJson << "\n";
    TrainingLog log = store.trainingLog();
    const auto last = unwrap(log.lastStep(r.id));
    out << "  steps       " << (last ? "last logged step " + std::to_string(*last) : "none logged")
        << "\n";
    for (const BranchCount& b : unwrap(log.branchMix(r.id)))
        out << "  batches     " << b.branch << (b.task.empty() ? "" : "/" + b.task) << ": "
            << b.steps << " steps\n";
    for (const Note& note : unwrap(store.runs().notes(r.id)))
        out << "  note        [" << formatTime(note.createdAtMs) << "] " << note.text << "\n";
}

void runShow(const RunsOptions& o, std::ostream& out) {
    ExperimentStore store = openStore(o, false);
    const RunRecord run = unwrap(store.runs().get(o.runId));
    printRunHeader(store, run, out);
    const std::vector<EvalCell> cells = unwrap(store.results().matrix(run.id, o.suite));
    if (cells.empty()) {
        out << "\nno evaluation results\n";
        return;
    }
    for (const std::string& suite : suitesOf(cells)) {
        Table summary;
        summary.caption = suite + " summary (macro averages)";
        summary.header = {"Setting", "Metric", "Value"};
        summary.numeric = {false, false, true};
        for (const EvalCell& c : cells)
            if (c.key.suite == suite && c.key.isSummary())
                summary.rows.push_back({c.key.setting, c.metric, formatValue(c.value)});
        out << "\n"
            << renderPlain(summary) << "\n"
            << renderPlain(matrixTable(run, cells, suite, o.metric));
    }
}

// ---- compare ----------------------------------------------------------------------------------

/// The run itself, or with --seed-groups every run whose config differs from it only in seed.
std::vector<std::int64_t> sideOf(ExperimentStore& store, std::int64_t runId, bool seedGroups) {
    const RunRecord run = unwrap(store.runs().get(runId));
    if (!seedGroups) return {runId};
    const std::string key = configWithoutSeed(run.configJson);
    std::vector<std::int64_t> group;
    for (const RunListing& listing : unwrap(store.runs().list()))
        if (configWithoutSeed(listing.run.configJson) == key) group.push_back(listing.run.id);
    return group;
}

std::string sideName(ExperimentStore& store, const std::vector<std::int64_t>& ids) {
    const RunRecord first = unwrap(store.runs().get(ids.front()));
    if (ids.size() == 1) return first.name + " (#" + std::to_string(first.id) + ")";
    return first.name + " (" + std::to_string(ids.size()) + " seeds)";
}

void printSeedGroup(ExperimentStore& store, const std::vector<std::int64_t>& ids,
                    const std::string& name, std::ostream& out) {
    std::vector<std::vector<EvalCell>> matrices;
    for (std::int64_t id : ids) matrices.push_back(unwrap(store.results().matrix(id)));
    out << renderPlain(seedGroupTable(name, aggregateCells(matrices))) << "\n";
}

void runCompare(const RunsOptions& o, std::ostream& out) {
    if (o.runIds.size() < 2)
        fail("runs compare: give at least two run ids (the first is the baseline)");
    if (o.format != "table" && o.format != "csv" && o.format != "markdown" && o.format != "latex")
        fail("runs compare: unknown format '" + o.format +
             "' (choose table, csv, markdown or latex)");
    ExperimentStore store = openStore(o, false);
    ComparisonOptions options;
    options.suite = o.suite;
    options.metric = o.metric;
    options.permutations = o.permutations;
    options.seed = o.seed;
    const std::vector<std::int64_t> baseline = sideOf(store, o.runIds.front(), o.seedGroups);
    const std::string baselineName = sideName(store, baseline);
    if (o.seedGroups) printSeedGroup(store, baseline, baselineName, out);
    ResultRepository results = store.results();
    for (std::size_t i = 1; i < o.runIds.size(); ++i) {
        const std::vector<std::int64_t> candidate = sideOf(store, o.runIds[i], o.seedGroups);
        const std::string name = sideName(store, candidate);
        if (o.seedGroups) printSeedGroup(store, candidate, name, out);
        const Comparison comparison = unwrap(compareRuns(results, candidate, baseline, options));
        const Table table = comparisonTable(comparison, name, baselineName);
        if (o.format == "markdown")
            out << renderMarkdown(table);
        else if (o.format == "latex")
            out << renderLatex(table);
        else if (o.format == "csv")
            printListCsv(table, out);
        else
            out << renderPlain(table);
        std::size_t significant = 0;
        for (const CellComparison& c : comparison.cells) significant += c.pRandomizationHolm < 0.05;
        out << significant << " of " << comparison.cells.size()
            << " cells differ significantly (randomization test, Holm-corrected p < 0.05)";
        if (!comparison.skipped.empty())
            out << "; " << comparison.skipped.size() << " cells not comparable";
        out << "\n\n";
    }
}

// ---- export, tag, note, delete ----------------------------------------------------------------

std::size_t trecDepth(const std::string& text) {
    if (text == "all") return 0;
    const std::size_t digits = text.find_first_not_of("0123456789");
    if (!text.empty() && digits == std::string::npos && text.size() < 10 && std::stoul(text) > 0)
        return std::stoul(text);
    fail("runs export: --depth must be a positive number or 'all', got '" + text + "'");
}

/// TREC files: rankings regenerated from each run's config and evaluated model.
void runTrecExport(const RunsOptions& o, std::ostream& out) {
    experiment::TrecExportOptions options;
    options.outDir = o.outDir;
    options.depth = trecDepth(o.depth);
    ExperimentStore store = openStore(o, false);
    const auto print = [&out](const Progress& p) {
        if (!p.message.empty()) out << p.message << "\n" << std::flush;
    };
    for (const experiment::TrecRunExport& run :
         unwrap(experiment::exportTrecRuns(store, o.runIds, options, print, CancelToken())))
        out << "wrote " << run.folder << " (" << run.files.size() << " files)\n";
}

void runExport(const RunsOptions& o, std::ostream& out) {
    ExportOptions options;
    options.format = unwrap(exportFormatFromName(o.format));
    if (options.format == ExportFormat::Trec) return runTrecExport(o, out);
    options.outDir = o.outDir;
    options.metric = o.metric;
    ExperimentStore store = openStore(o, false);
    std::vector<std::string> written = unwrap(exportRuns(store, o.runIds, options));
    if (o.compare && o.runIds.size() >= 2) {
        ComparisonOptions compare;
        compare.metric = o.metric;
        compare.permutations = o.permutations;
        compare.seed = o.seed;
        ResultRepository results = store.results();
        const Comparison comparison =
            unwrap(compareRuns(results, {o.runIds[1]}, {o.runIds[0]}, compare));
        for (std::string& path : unwrap(exportComparison(comparison, sideName(store, {o.runIds[1]}),
                                                         sideName(store, {o.runIds[0]}), options)))
            written.push_back(std::move(path));
    }
    for (const std::string& path : written) out << "wrote " << path << "\n";
}

void runTag(const RunsOptions& o, std::ostream& out) {
    ExperimentStore store = openStore(o, true);
    RunRepository runs = store.runs();
    check(o.remove ? runs.removeTag(o.runId, o.text) : runs.addTag(o.runId, o.text));
    if (o.remove)
        out << "removed tag '" << o.text << "' from run " << o.runId << "\n";
    else
        out << "tagged run " << o.runId << " '" << o.text << "'\n";
}

void runNote(const RunsOptions& o, std::ostream& out) {
    ExperimentStore store = openStore(o, true);
    unwrap(store.runs().addNote(o.runId, o.text));
    out << "added a note to run " << o.runId << "\n";
}

void runDelete(const RunsOptions& o, std::ostream& out) {
    ExperimentStore store = openStore(o, true);
    const RunRecord run = unwrap(store.runs().get(o.runId));
    if (run.status == RunStatus::Running && !o.remove)
        fail("run " + std::to_string(o.runId) + " is running; stop it first or pass --force");
    check(store.runs().remove(o.runId));
    out << "deleted run " << run.id << " (" << run.name << ") and everything recorded for it\n";
}

using Action = void (*)(const RunsOptions&, std::ostream&);

/// Adds subcommand `name` whose callback runs `action` on the parsed options.
CLI::App* addAction(CLI::App* runs, const std::string& name, const std::string& help,
                    const std::shared_ptr<RunsOptions>& o, std::ostream& out, Action action) {
    CLI::App* sub = runs->add_subcommand(name, help);
    sub->fallthrough();  // `runs list --db PATH` as well as `runs --db PATH list`
    sub->callback([&out, o, action]() { action(*o, out); });
    return sub;
}

void addReadCommands(CLI::App* runs, const std::shared_ptr<RunsOptions>& o, std::ostream& out) {
    CLI::App* list =
        addAction(runs, "list", "List runs with their Mo/Cr/Mul summary", o, out, runList);
    list->add_option("--format", o->format, "table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}));
    list->add_option("--sort", o->sort, "id, name, strategy, seed, status or created")
        ->check(CLI::IsMember({"id", "name", "strategy", "seed", "status", "created"}));
    list->add_flag("--desc", o->descending, "Sort in descending order");
    list->add_option("--status", o->status, "Only runs with this status");
    list->add_option("--tag", o->tag, "Only runs with this tag");
    list->add_option("--metric", o->metric, "Metric of the summary columns (trec_eval name)");
    list->add_option("--suite", o->suite, "Only this suite's summary columns");

    CLI::App* show = addAction(runs, "show", "Show one run: details, notes, summary and matrix", o,
                               out, runShow);
    show->add_option("id", o->runId, "Run id")->required();
    show->add_option("--metric", o->metric, "Metric of the language-pair matrix");
    show->add_option("--suite", o->suite, "Only this suite");

    CLI::App* compare = addAction(runs, "compare", "Compare runs against the first, cell by cell",
                                  o, out, runCompare);
    compare->add_option("ids", o->runIds, "Run ids; the first is the baseline")
        ->required()
        ->expected(2, -1);
    compare->add_option("--metric", o->metric, "Per-query metric to test (default map = AP)");
    compare->add_option("--suite", o->suite, "Only this suite");
    compare->add_option("--permutations", o->permutations, "Randomization test permutations")
        ->check(CLI::Range(1000, 10000000));
    compare->add_option("--seed", o->seed, "Seed of the randomization test");
    compare->add_flag("--seed-groups", o->seedGroups,
                      "Compare each run's seed group (mean over seeds)");
    compare->add_option("--format", o->format, "table, csv, markdown or latex");
}

void addWriteCommands(CLI::App* runs, const std::shared_ptr<RunsOptions>& o, std::ostream& out) {
    CLI::App* exporter =
        addAction(runs, "export", "Write CSV, Markdown, LaTeX or TREC (run + qrels) files for runs",
                  o, out, runExport);
    exporter->add_option("ids", o->runIds, "Run ids")->required()->expected(1, -1);
    exporter->add_option("--format", o->format, "csv, markdown, latex or trec")->required();
    exporter->add_option("--out", o->outDir, "Output folder (created if absent)")->required();
    exporter->add_option("--metric", o->metric, "Metric of the Markdown/LaTeX tables");
    exporter->add_option("--depth", o->depth,
                         "trec: documents per query in the .run files, N or 'all' (default 100)");
    exporter->add_flag("--compare", o->compare,
                       "Also export the second run compared with the first");

    CLI::App* tag = addAction(runs, "tag", "Add (or with --remove, remove) a tag", o, out, runTag);
    tag->add_option("id", o->runId, "Run id")->required();
    tag->add_option("tag", o->text, "Tag")->required();
    tag->add_flag("--remove", o->remove, "Remove the tag instead");

    CLI::App* note = addAction(runs, "note", "Add a note to a run", o, out, runNote);
    note->add_option("id", o->runId, "Run id")->required();
    note->add_option("text", o->text, "Note text")->required();

    CLI::App* remove =
        addAction(runs, "delete", "Delete a run and all its records", o, out, runDelete);
    remove->add_option("id", o->runId, "Run id")->required();
    remove->add_flag("--force", o->remove, "Delete even if it is marked running");
}

}  // namespace

void addRunsCommand(CLI::App& app, std::ostream& out) {
    auto o = std::make_shared<RunsOptions>();
    CLI::App* runs = app.add_subcommand("runs", "List, inspect, compare and export recorded runs");
    runs->require_subcommand(1);
    runs->add_option("--db", o->db, "Experiments database (default ./experiments.db)");
    addReadCommands(runs, o, out);
    addWriteCommands(runs, o, out);
}

void addRunsCommand(CLI::App& app) {
    addRunsCommand(app, std::cout);
}

}  // namespace mtrec::cli
