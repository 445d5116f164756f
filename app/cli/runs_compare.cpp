// mtrec runs compare / export.

#include <filesystem>
#include <iostream>

#include "analysis/baseline_comparison.h"
#include "cli/runs_common.h"
#include "experiment/contamination_note.h"
#include "experiment/training_languages.h"
#include "experiment/trec_regeneration.h"
#include "report/run_export.h"
#include "report/run_tables.h"

namespace mtrec::cli::runs {

namespace {

analysis::ComparisonOptions comparisonOptions(const RunsOptions& o, bool withSuite) {
    analysis::ComparisonOptions options;
    if (withSuite) options.suite = o.suite;
    options.metric = metricOf(o);
    options.permutations = o.permutations;
    options.seed = o.seed;
    return options;
}

void printTable(const report::Table& table, const std::string& format, std::ostream& out) {
    if (format == "markdown")
        out << report::renderMarkdown(table);
    else if (format == "latex")
        out << report::renderLatex(table);
    else if (format == "csv")
        out << report::renderCsv(table);
    else
        out << report::renderPlain(table);
}

/// The seed-group table of a side, when sides are seed groups.
void printSide(const analysis::ComparedSide& side, bool seedGroups, std::ostream& out) {
    if (seedGroups)
        out << report::renderPlain(report::seedGroupTable(report::sideLabel(side), side.aggregates))
            << "\n";
}

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
    store::ExperimentStore store = openStore(o, false);
    const auto print = [&out](const Progress& p) {
        if (!p.message.empty()) out << p.message << "\n" << std::flush;
    };
    for (const experiment::TrecRunExport& run :
         unwrap(experiment::exportTrecRuns(store, o.runIds, options, print, CancelToken()))) {
        std::vector<std::string> notes;
        for (const std::string& file : run.files)
            if (std::filesystem::path(file).filename() == experiment::kContaminationNoteName)
                notes.push_back(file);
        out << "wrote " << run.folder << " (" << run.files.size() - notes.size()
            << " TREC files)\n";
        for (const std::string& note : notes)
            out << "  " << report::kContaminatedMark << " " << note
                << ": that suite shares data with the run's training data\n";
    }
}

}  // namespace

void runCompare(const RunsOptions& o, std::ostream& out) {
    if (o.runIds.size() < 2)
        fail("runs compare: give at least two run ids (the first is the baseline)");
    if (o.format != "table" && o.format != "csv" && o.format != "markdown" && o.format != "latex")
        fail("runs compare: unknown format '" + o.format +
             "' (choose table, csv, markdown or latex)");
    const analysis::ComparisonOptions options = comparisonOptions(o, true);
    store::ExperimentStore store = openStore(o, false);
    const analysis::ComparedSide baseline =
        unwrap(analysis::loadSide(store, o.runIds.front(), o.seedGroups));
    printSide(baseline, o.seedGroups, out);
    store::ResultRepository results = store.results();
    for (std::size_t i = 1; i < o.runIds.size(); ++i) {
        const analysis::ComparedSide candidate =
            unwrap(analysis::loadSide(store, o.runIds[i], o.seedGroups));
        printSide(candidate, o.seedGroups, out);
        const analysis::SideComparison compared =
            unwrap(analysis::compareSides(results, candidate, baseline, options));
        printTable(report::comparisonTable(compared.comparison, report::sideLabel(candidate),
                                           report::sideLabel(baseline)),
                   o.format, out);
        out << report::significanceLine(compared.significance) << "\n\n";
    }
}

void runExport(const RunsOptions& o, std::ostream& out) {
    report::ExportOptions options;
    options.format = unwrap(report::exportFormatFromName(o.format));
    if (options.format == report::ExportFormat::Trec) return runTrecExport(o, out);
    options.outDir = o.outDir;
    options.metric = metricOf(o);
    store::ExperimentStore store = openStore(o, false);
    std::vector<store::RunRecord> runs;
    for (const std::int64_t id : o.runIds) runs.push_back(unwrap(store.runs().get(id)));
    options.trainingLanguages = unwrap(experiment::trainingLanguagesByRun(store, runs));
    std::vector<std::string> written = unwrap(report::exportRuns(store, o.runIds, options));
    if (o.compare && o.runIds.size() >= 2) {
        const analysis::ComparedSide a = unwrap(analysis::loadSide(store, o.runIds[1], false));
        const analysis::ComparedSide b = unwrap(analysis::loadSide(store, o.runIds[0], false));
        store::ResultRepository results = store.results();
        const analysis::SideComparison compared =
            unwrap(analysis::compareSides(results, a, b, comparisonOptions(o, false)));
        for (std::string& path : unwrap(report::exportComparison(
                 compared.comparison, report::sideLabel(a), report::sideLabel(b), options)))
            written.push_back(std::move(path));
    }
    for (const std::string& path : written) out << "wrote " << path << "\n";
}

}  // namespace mtrec::cli::runs
