#pragma once

#include <string>

#include "common/result.h"
#include "store/database.h"

namespace mtrec::store {

/// The schema version this binary writes. Version history (each later version only adds):
///   1: meta, experiments, runs, step_metrics, batch_telemetry, eval_results, per_query_results,
///      tags, notes.
///   2: eval_results.query_count (filled from the definitions of version 1 rows); run_changes and
///      the triggers that keep it (see change_log.h).
///   3: suite_contamination: the suites a run evaluated although they share data with its training
///      data (see suite_contamination.h); older runs have no rows there.
///   4: step_metrics.val_cross_mrr: the validation cross-lingual MRR of the steps that validated
///      (NULL on older rows and on steps without validation).
/// A new database is created as version 1 plus every later step, so it has the same shape as a
/// migrated one.
inline constexpr int kSchemaVersion = 4;

/// Reads meta.schema_version; 0 for a database with no tables at all (a new file). A database with
/// tables but no meta table is not an mTREC store and is an Error naming the file.
Result<int> readSchemaVersion(Database& db);

/// Creates every table and index of the current version and records kSchemaVersion, in one
/// transaction.
Status createDb(Database& db);

/// Brings a database from `fromVersion` (1 <= fromVersion < kSchemaVersion) to kSchemaVersion in
/// one transaction, applying cumulative `if (fromVersion <= N)` steps; a failure leaves it
/// unchanged.
Status updateDb(Database& db, int fromVersion);

/// Creates or updates as needed. A database written by a newer schema than this binary knows is
/// refused with a message naming both versions and is never altered; so is any database opened
/// read-only that would need changes. Returns the version found before migrating (0 for a new
/// file).
Result<int> migrate(Database& db);

/// Adds a column unless the table already has it (idempotent, so a half-known database can be
/// updated again). `definition` is the SQL after the name, e.g. "TEXT NOT NULL DEFAULT ''". Throws
/// SqlError.
void addColumn(Database& db, const std::string& table, const std::string& column,
               const std::string& definition);

}  // namespace mtrec::store
