#include "cli/runs_command.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli/runs_common.h"

namespace mtrec::cli {

namespace {

using runs::RunsOptions;

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
        addAction(runs, "list", "List runs with their Mo/Cr/Mul summary", o, out, runs::runList);
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
                               out, runs::runShow);
    show->add_option("id", o->runId, "Run id")->required();
    show->add_option("--metric", o->metric, "Metric of the language-pair matrix");
    show->add_option("--suite", o->suite, "Only this suite");

    CLI::App* compare = addAction(runs, "compare", "Compare runs against the first, cell by cell",
                                  o, out, runs::runCompare);
    compare->add_option("ids", o->runIds, "Run ids; the first is the baseline")
        ->required()
        ->expected(2, -1);
    compare->add_option("--metric", o->metric, "Per-query metric to test (default map = AP)");
    compare->add_option("--suite", o->suite, "Only this suite");
    compare->add_option("--permutations", o->permutations, "Randomization test permutations")
        ->check(CLI::Range(1000, 10000000));
    compare->add_option("--seed", o->seed, "Seed of the randomization test");
    compare->add_flag("--seed-groups", o->seedGroups,
                      "Compare each run's seed group: over queries (mean over seeds) and over "
                      "seeds (Welch's t-test, 2 or more seeds a side; docs/statistics.md)");
    compare->add_option("--format", o->format, "table, csv, markdown or latex");
}

void addWriteCommands(CLI::App* runs, const std::shared_ptr<RunsOptions>& o, std::ostream& out) {
    CLI::App* exporter =
        addAction(runs, "export", "Write CSV, Markdown, LaTeX or TREC (run + qrels) files for runs",
                  o, out, runs::runExport);
    exporter->add_option("ids", o->runIds, "Run ids")->required()->expected(1, -1);
    exporter->add_option("--format", o->format, "csv, markdown, latex or trec")->required();
    exporter->add_option("--out", o->outDir, "Output folder (created if absent)")->required();
    exporter->add_option("--metric", o->metric, "Metric of the Markdown/LaTeX tables");
    exporter->add_option("--depth", o->depth,
                         "trec: documents per query in the .run files, N or 'all' (default 100)");
    exporter->add_flag("--compare", o->compare,
                       "Also export the second run compared with the first");

    CLI::App* tag =
        addAction(runs, "tag", "Add (or with --remove, remove) a tag", o, out, runs::runTag);
    tag->add_option("id", o->runId, "Run id")->required();
    tag->add_option("tag", o->text, "Tag")->required();
    tag->add_flag("--remove", o->remove, "Remove the tag instead");

    CLI::App* note = addAction(runs, "note", "Add a note to a run", o, out, runs::runNote);
    note->add_option("id", o->runId, "Run id")->required();
    note->add_option("text", o->text, "Note text")->required();

    CLI::App* remove =
        addAction(runs, "delete", "Delete a run and all its records", o, out, runs::runDelete);
    remove->add_option("id", o->runId, "Run id")->required();
    remove->add_flag("--force", o->remove, "Delete even if it is marked running");

    CLI::App* merge = addAction(
        runs, "merge", "Import the finished runs of other databases into one (docs/scaling.md)", o,
        out, runs::runMerge);
    merge->add_option("sources", o->sources, "Databases to import from (only read)")
        ->required()
        ->expected(1, -1);
    merge->add_option("--into", o->into, "Target database (created when missing)")->required();
    merge->add_flag("--with-unfinished", o->withUnfinished,
                    "Also import failed, cancelled and interrupted runs (never queued or running)");
    merge->add_flag("--skip-duplicates", o->skipDuplicates,
                    "Skip runs already in the target instead of refusing the merge");
    merge->footer(
        "A run is a duplicate when the target holds one with the same config, seed and creation "
        "time. All or nothing: one transaction; on any error the target stays as it was. Sources "
        "of an older schema are read from a migrated temporary copy; the files are never written.");
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
