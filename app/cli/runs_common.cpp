#include "cli/runs_common.h"

#include <ctime>

namespace mtrec::cli::runs {

store::ExperimentStore openStore(const RunsOptions& o, bool write) {
    store::StoreOptions options;
    options.mode = write ? store::OpenMode::ReadWrite : store::OpenMode::ReadOnly;
    return unwrap(store::ExperimentStore::open(o.db, options));
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

store::Measure metricOf(const RunsOptions& o) {
    if (std::optional<store::Measure> measure = store::measureFromName(o.metric)) return *measure;
    std::string choices;
    for (store::Measure measure : store::kAllMeasures)
        choices += (choices.empty() ? "" : ", ") + std::string(store::measureName(measure));
    fail("unknown metric '" + o.metric + "' (choose " + choices + ")");
}

void runTag(const RunsOptions& o, std::ostream& out) {
    store::ExperimentStore store = openStore(o, true);
    store::RunRepository runs = store.runs();
    check(o.remove ? runs.removeTag(o.runId, o.text) : runs.addTag(o.runId, o.text));
    if (o.remove)
        out << "removed tag '" << o.text << "' from run " << o.runId << "\n";
    else
        out << "tagged run " << o.runId << " '" << o.text << "'\n";
}

void runNote(const RunsOptions& o, std::ostream& out) {
    store::ExperimentStore store = openStore(o, true);
    unwrap(store.runs().addNote(o.runId, o.text));
    out << "added a note to run " << o.runId << "\n";
}

void runDelete(const RunsOptions& o, std::ostream& out) {
    store::ExperimentStore store = openStore(o, true);
    const store::RunRecord run = unwrap(store.runs().get(o.runId));
    if (run.status == store::RunStatus::Running && !o.remove)
        fail("run " + std::to_string(o.runId) + " is running; stop it first or pass --force");
    check(store.runs().remove(o.runId));
    out << "deleted run " << run.id << " (" << run.name << ") and everything recorded for it\n";
}

}  // namespace mtrec::cli::runs
