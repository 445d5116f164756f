#include "store/store_merge.h"

#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "store/merge_source.h"
#include "store/row_copy.h"
#include "store/sql_guard.h"

namespace mtrec::store {

namespace fs = std::filesystem;

namespace {

/// The tables a merge copies (with the runs), and those it leaves: meta and the change log belong
/// to the target, experiments are copied when an imported run names one. A source with any other
/// table is refused, so a table a later schema adds cannot be silently left behind.
const std::set<std::string> kRunTables = {"runs",  "step_metrics", "batch_telemetry",
                                          "eval_results", "per_query_results", "tags",
                                          "notes", "suite_contamination"};
const std::set<std::string> kStoreTables = {"meta", "run_changes", "experiments"};

Status checkTablesKnown(Database& source, const std::string& path) {
    Statement tables = source.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    while (tables.step()) {
        const std::string name = tables.text(0);
        if (!kRunTables.count(name) && !kStoreTables.count(name))
            return Error{path + " has the table '" + name +
                         "', which this program does not know how to merge; it was not merged"};
    }
    return success();
}

bool imports(RunStatus status, const MergeOptions& options) {
    if (status == RunStatus::Finished) return true;
    return options.withUnfinished && status != RunStatus::Queued && status != RunStatus::Running;
}

/// Copies one source's runs, within the caller's transaction on the target.
class SourceImport {
public:
    SourceImport(MergeSource& source, Database& target, std::int64_t now)
        : source_(source.database()),
          target_(target),
          path_(source.path()),
          now_(now),
          runs_(source_, target_, "runs", "id", "id"),
          cells_(source_, target_, "eval_results", "run_id", "id"),
          perQuery_(source_, target_, "per_query_results", "cell_id"),
          notes_(source_, target_, "notes", "run_id", "id") {
        for (const char* table : {"step_metrics", "batch_telemetry", "tags", "suite_contamination"})
            plain_.emplace_back(source_, target_, table, "run_id");
    }

    /// The target's run with the same identity (config JSON, seed, creation time), if any.
    std::optional<std::int64_t> duplicateOf(std::int64_t sourceRun) {
        Statement same = target_.prepare(
            "SELECT t.id FROM runs t WHERE t.created_at = ?1 AND t.seed = ?2 AND "
            "t.config_json = ?3 ORDER BY t.id LIMIT 1");
        Statement run =
            source_.prepare("SELECT created_at, seed, config_json FROM runs WHERE id = ?1");
        run.bind(1, sourceRun);
        run.step();
        same.bindColumn(1, run, 0).bindColumn(2, run, 1).bindColumn(3, run, 2);
        if (!same.step()) return std::nullopt;
        return same.int64(0);
    }

    /// Copies the run and everything recorded for it; returns its id in the target.
    std::int64_t copyRun(std::int64_t sourceRun) {
        std::int64_t newId = 0;
        RowCopy::Overrides experiment = {{"experiment_id", experimentOf(sourceRun)}};
        runs_.copy(sourceRun, 0, [&](std::int64_t, std::int64_t id) { newId = id; }, experiment);
        for (RowCopy& table : plain_) table.copy(sourceRun, newId);
        cells_.copy(sourceRun, newId,
                    [&](std::int64_t oldCell, std::int64_t newCell) {
                        perQuery_.copy(oldCell, newCell);
                    });
        notes_.copy(sourceRun, newId);
        target_.prepare("INSERT INTO notes(run_id, text, created_at) VALUES (?1, ?2, ?3)")
            .bind(1, newId)
            .bind(2, "merged from " + fs::absolute(path_).lexically_normal().string() + " (run " +
                         std::to_string(sourceRun) + " there)")
            .bind(3, now_)
            .run();
        return newId;
    }

private:
    /// The target's id of the source run's experiment (copied, or an equal one reused); nullopt
    /// when the run has none.
    std::optional<std::int64_t> experimentOf(std::int64_t sourceRun) {
        Statement run = source_.prepare("SELECT experiment_id FROM runs WHERE id = ?1");
        run.bind(1, sourceRun);
        if (!run.step() || run.isNull(0)) return std::nullopt;
        const std::int64_t id = run.int64(0);
        if (const auto known = experiments_.find(id); known != experiments_.end())
            return known->second;
        Statement row = source_.prepare(
            "SELECT name, description, config_json, created_at FROM experiments WHERE id = ?1");
        row.bind(1, id);
        if (!row.step()) return std::nullopt;
        Statement equal = target_.prepare(
            "SELECT id FROM experiments WHERE name = ?1 AND description = ?2 AND "
            "config_json = ?3 AND created_at = ?4 ORDER BY id LIMIT 1");
        for (int i = 0; i < 4; ++i) equal.bindColumn(i + 1, row, i);
        std::int64_t targetId = 0;
        if (equal.step()) {
            targetId = equal.int64(0);
        } else {
            Statement insert = target_.prepare(
                "INSERT INTO experiments(name, description, config_json, created_at) "
                "VALUES (?1, ?2, ?3, ?4)");
            for (int i = 0; i < 4; ++i) insert.bindColumn(i + 1, row, i);
            insert.run();
            targetId = target_.lastInsertRowId();
        }
        experiments_[id] = targetId;
        return targetId;
    }

    Database& source_;
    Database& target_;
    std::string path_;
    std::int64_t now_;
    RowCopy runs_, cells_, perQuery_, notes_;
    std::vector<RowCopy> plain_;
    std::map<std::int64_t, std::int64_t> experiments_;  // source id -> target id
};

struct SourceRun {
    std::int64_t id;
    std::string name;
    RunStatus status;
};

std::vector<SourceRun> runsOf(Database& source) {
    Statement query = source.prepare("SELECT id, name, status FROM runs ORDER BY id");
    std::vector<SourceRun> runs;
    while (query.step())
        runs.push_back({query.int64(0), query.text(1),
                        statusFromName(query.text(2)).value_or(RunStatus::Queued)});
    return runs;
}

std::string duplicateMessage(const SourceMerge& merged, const std::string& target) {
    std::string message = "nothing was merged: ";
    for (std::size_t i = 0; i < merged.duplicates.size(); ++i) {
        const MergedRun& run = merged.duplicates[i];
        message += (i ? "; " : "") + std::string("run ") + std::to_string(run.sourceId) + " (" +
                   run.name + ") of " + merged.path + " is already in " + target + " as run " +
                   std::to_string(run.targetId);
    }
    return message + " (same config, seed and creation time; --skip-duplicates imports the others)";
}

/// Imports one source within the target's open transaction.
Result<SourceMerge> importSource(MergeSource& source, ExperimentStore& target,
                                 const MergeOptions& options) {
    SourceMerge merged;
    merged.path = source.path();
    merged.schemaVersion = source.foundVersion();
    if (Status known = checkTablesKnown(source.database(), source.path()); !known)
        return known.error();
    SourceImport import(source, target.database(), target.now());
    for (const SourceRun& run : runsOf(source.database())) {
        if (!imports(run.status, options)) {
            merged.leftOut.push_back({run.id, run.name, run.status});
        } else if (std::optional<std::int64_t> present = import.duplicateOf(run.id)) {
            merged.duplicates.push_back({run.id, *present, run.name});
        } else {
            merged.imported.push_back({run.id, import.copyRun(run.id), run.name});
            options.pausePoints.reach("merge-run");
        }
    }
    if (!merged.duplicates.empty() && !options.skipDuplicates)
        return Error{duplicateMessage(merged, target.path())};
    return merged;
}

bool sameFile(const std::string& a, const std::string& b) {
    std::error_code ec;
    return fs::equivalent(a, b, ec) && !ec;
}

/// Reads every source under one read transaction each (a consistent snapshot) and imports it.
Result<MergeReport> importAll(std::vector<MergeSource>& sources, ExperimentStore& target,
                              const MergeOptions& options) {
    MergeReport report;
    report.target = target.path();
    Transaction transaction(target.database());
    for (MergeSource& source : sources) {
        source.database().run("BEGIN");
        Result<SourceMerge> merged = importSource(source, target, options);
        static_cast<void>(source.database().exec("COMMIT"));
        if (!merged) return merged.error();  // the transaction rolls back
        report.sources.push_back(std::move(merged).value());
    }
    transaction.commit();
    return report;
}

}  // namespace

std::size_t MergeReport::importedCount() const {
    std::size_t count = 0;
    for (const SourceMerge& source : sources) count += source.imported.size();
    return count;
}

Result<MergeReport> mergeStores(const std::vector<std::string>& sources, const std::string& target,
                                const MergeOptions& options, const StoreOptions& targetOptions) {
    if (sources.empty()) return Error{"no source database to merge into " + target};
    std::vector<MergeSource> opened;
    for (const std::string& path : sources) {
        if (sameFile(path, target))
            return Error{path + " is the target " + target + " itself; it was not merged"};
        Result<MergeSource> source = MergeSource::open(path);
        if (!source) return Error{"cannot merge: " + source.error().message};
        opened.push_back(std::move(source).value());
    }
    std::error_code ec;
    const bool created = !fs::exists(target, ec);
    Result<ExperimentStore> store = ExperimentStore::open(target, targetOptions);
    if (!store) return store.error();
    Result<MergeReport> report = guarded<Result<MergeReport>>(
        [&] { return importAll(opened, store.value(), options); });
    if (report) report.value().targetCreated = created;
    return report;
}

}  // namespace mtrec::store
