#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/database.h"

namespace mtrec::store {

/// What was written since a version a viewer last saw.
struct StoreChanges {
    std::int64_t version = 0;  ///< The store's version now: pass it to the next since() call.
    /// Runs written after the version asked about, ascending: created, started, heartbeat,
    /// finished, logged steps or telemetry, evaluated, tagged, noted, discarded steps, or deleted
    /// (get() then reports it absent). Empty when nothing changed.
    std::vector<std::int64_t> runIds;
};

/// The change version of the runs (table run_changes): every write to a run, by any connection or
/// process, gives that run the store's next version. Triggers on runs, tags and notes keep it; the
/// bulk writers (MetricsWriter::flush, TrainingLog::discardAfter, ResultRepository::record) call
/// touchRun once per transaction rather than a trigger once per row.
/// A viewer polls since(v) with the version it last saw, a cheap indexed read, to follow runs that
/// another process (a `mtrec train` in a terminal, a worker) writes. Versions only grow; the
/// experiments table is not followed. Refers to the store's connection; same rules as
/// RunRepository.
class ChangeLog {
public:
    explicit ChangeLog(Database& db) : db_(db) {}

    /// The store's current version (0 for a store that never held a run).
    Result<std::int64_t> version();
    /// Runs changed after `version`, and the current version.
    Result<StoreChanges> since(std::int64_t version);

private:
    Database& db_;
};

/// The statements (each ending in ';') giving the run `runIdSql` (an SQL expression: NEW.run_id, a
/// number) the store's next version; what the change triggers run.
std::string bumpVersionSql(const std::string& runIdSql);

/// Gives `runId` the next version, for the bulk writes no trigger sees. Throws SqlError; call
/// inside the write's transaction.
void touchRun(Database& db, std::int64_t runId);

}  // namespace mtrec::store
