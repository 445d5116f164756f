// mtrec runs merge A.db B.db ... --into experiments.db

#include "cli/runs_common.h"
#include "cli/test_hooks.h"
#include "store/store_merge.h"

namespace mtrec::cli::runs {

namespace {

std::string plural(std::size_t count, const std::string& word) {
    return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

/// "1 -> 4 alpha, 2 -> 5 beta" (or "=" for duplicates: the run already there).
std::string runList(const std::vector<store::MergedRun>& runs, const char* arrow) {
    std::string text;
    for (const store::MergedRun& run : runs)
        text += (text.empty() ? "" : ", ") + std::to_string(run.sourceId) + " " + arrow + " " +
                std::to_string(run.targetId) + " " + run.name;
    return text;
}

void printSource(const store::SourceMerge& source, std::ostream& out) {
    out << "  " << source.path << " (schema version " << source.schemaVersion << "):";
    if (source.imported.empty())
        out << " nothing new";
    else
        out << " imported " << plural(source.imported.size(), "run") << " ("
            << runList(source.imported, "->") << ")";
    if (!source.duplicates.empty())
        out << "; skipped " << plural(source.duplicates.size(), "duplicate")
            << " already in the target (" << runList(source.duplicates, "=") << ")";
    if (!source.leftOut.empty()) {
        out << "; left out " << source.leftOut.size() << " not finished (";
        for (std::size_t i = 0; i < source.leftOut.size(); ++i)
            out << (i ? ", " : "") << source.leftOut[i].sourceId << " " << source.leftOut[i].name
                << " " << store::statusName(source.leftOut[i].status);
        out << ")";
    }
    out << "\n";
}

}  // namespace

void runMerge(const RunsOptions& o, std::ostream& out) {
    store::MergeOptions options;
    options.withUnfinished = o.withUnfinished;
    options.skipDuplicates = o.skipDuplicates;
    options.pausePoints = testPausePoints();
    const store::MergeReport report = unwrap(store::mergeStores(o.sources, o.into, options));
    out << "merged into " << report.target << (report.targetCreated ? " (created)" : "") << ":\n";
    for (const store::SourceMerge& source : report.sources) printSource(source, out);
    out << plural(report.importedCount(), "run") << " imported in all\n";
}

}  // namespace mtrec::cli::runs
