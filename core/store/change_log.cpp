#include "store/change_log.h"

#include "store/sql_guard.h"

namespace mtrec::store {

Result<std::int64_t> ChangeLog::version() {
    return guarded<Result<std::int64_t>>([&]() -> Result<std::int64_t> {
        Statement query = db_.prepare("SELECT coalesce(max(version), 0) FROM run_changes");
        query.step();
        return query.int64(0);
    });
}

Result<StoreChanges> ChangeLog::since(std::int64_t version) {
    return guarded<Result<StoreChanges>>([&]() -> Result<StoreChanges> {
        // One read transaction, so the version returned covers exactly the runs listed.
        db_.run("BEGIN");
        StoreChanges changes;
        try {  // the statements end (are finalized) before COMMIT
            Statement now = db_.prepare("SELECT coalesce(max(version), 0) FROM run_changes");
            now.step();
            changes.version = now.int64(0);
            Statement changed =
                db_.prepare("SELECT run_id FROM run_changes WHERE version > ?1 ORDER BY run_id");
            changed.bind(1, version);
            while (changed.step()) changes.runIds.push_back(changed.int64(0));
        } catch (const SqlError&) {
            static_cast<void>(db_.exec("ROLLBACK"));
            throw;
        }
        db_.run("COMMIT");
        return changes;
    });
}

std::string bumpVersionSql(const std::string& runIdSql) {
    const std::string next = "(SELECT coalesce(max(version), 0) + 1 FROM run_changes)";
    return "UPDATE run_changes SET version = " + next + " WHERE run_id = " + runIdSql +
           "; INSERT INTO run_changes(run_id, version) SELECT " + runIdSql + ", " + next +
           " WHERE NOT EXISTS (SELECT 1 FROM run_changes WHERE run_id = " + runIdSql + ");";
}

void touchRun(Database& db, std::int64_t runId) {
    // One statement (an upsert; a trigger cannot use one, see the schema's change triggers).
    db.prepare(
          "INSERT INTO run_changes(run_id, version) SELECT ?1, coalesce(max(version), 0) + 1 "
          "FROM run_changes WHERE true ON CONFLICT(run_id) DO UPDATE SET version = "
          "excluded.version")
        .bind(1, runId)
        .run();
}

}  // namespace mtrec::store
