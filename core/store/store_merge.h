#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/pause_point.h"
#include "common/result.h"
#include "store/experiment_store.h"

namespace mtrec::store {

struct MergeOptions {
    /// Also import failed, cancelled and interrupted runs. Queued and running runs are always left
    /// out: nothing was recorded yet, or another process still writes them.
    bool withUnfinished = false;
    /// A run already in the target is skipped and reported, instead of refusing the whole merge.
    bool skipDuplicates = false;
    /// Test hook: "merge-run" is reached after each run is copied, inside the merge's transaction.
    PausePoints pausePoints;
};

/// A source run and the id it has in the target: the one it got (imported) or the one it already
/// had (a duplicate).
struct MergedRun {
    std::int64_t sourceId = 0;
    std::int64_t targetId = 0;
    std::string name;
};

struct LeftOutRun {
    std::int64_t sourceId = 0;
    std::string name;
    RunStatus status = RunStatus::Queued;
};

/// What a merge did with one source file.
struct SourceMerge {
    std::string path;
    int schemaVersion = 0;  ///< found in the file (an older one was merged from a migrated copy)
    std::vector<MergedRun> imported;
    std::vector<MergedRun> duplicates;  ///< skipped (MergeOptions::skipDuplicates)
    std::vector<LeftOutRun> leftOut;    ///< not finished (or queued/running), by status
};

struct MergeReport {
    std::string target;
    bool targetCreated = false;
    std::vector<SourceMerge> sources;

    std::size_t importedCount() const;
};

/// Imports the runs of `sources` into the store `target` (created with the current schema when
/// missing): each run with everything recorded for it — its experiment, step metrics, batch
/// telemetry, evaluation cells and their per-query values, tags, notes and contaminated suites —
/// under a new id, every reference following; each imported run gets the note "merged from
/// <source> (run N there)".
///
/// A run's identity is its config JSON, seed and creation time (milliseconds): a source run
/// with the same three as a run in the target (or one imported earlier in this merge) is a
/// duplicate. Duplicates refuse the whole merge, naming each run, its file and its id in the target,
/// unless `skipDuplicates`.
///
/// All or nothing: one transaction on the target; any Error (a duplicate, a source that cannot be
/// read, a write that fails, the process killed) leaves the target exactly as it was. Sources are
/// opened read-only and never written: a source of an older schema version is copied to a
/// temporary file and the copy migrated; a newer version, a file that is not an mTREC store or is
/// damaged, and the target itself given as a source are refused with a message naming the file
/// (and the versions). Errors name the file.
Result<MergeReport> mergeStores(const std::vector<std::string>& sources, const std::string& target,
                                const MergeOptions& options = {},
                                const StoreOptions& targetOptions = {});

}  // namespace mtrec::store
