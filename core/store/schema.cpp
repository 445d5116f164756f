#include "store/schema.h"

#include "store/change_log.h"

#include <cctype>
#include <cstdint>
#include <optional>

namespace mtrec::store {

namespace {

// Times are integer milliseconds since the Unix epoch (UTC). Languages are ISO codes; 'all' in
// eval_results.cand_lang is the Mul pool (or a summary), in query_lang a summary over query
// languages.
const char* const kCreateV1 = R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE experiments (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    config_json TEXT NOT NULL DEFAULT '{}',
    created_at  INTEGER NOT NULL
);

CREATE TABLE runs (
    id              INTEGER PRIMARY KEY,
    experiment_id   INTEGER REFERENCES experiments(id) ON DELETE SET NULL,
    name            TEXT NOT NULL,
    config_json     TEXT NOT NULL,
    strategy        TEXT NOT NULL,
    seed            INTEGER NOT NULL,
    status          TEXT NOT NULL DEFAULT 'queued' CHECK (status IN
                    ('queued', 'running', 'finished', 'failed', 'cancelled', 'interrupted')),
    created_at      INTEGER NOT NULL,
    started_at      INTEGER,
    finished_at     INTEGER,
    heartbeat_at    INTEGER,
    pid             INTEGER,
    hostname        TEXT,
    error_text      TEXT,
    checkpoint_path TEXT,
    code_version    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX runs_by_created ON runs(created_at);
CREATE INDEX runs_by_status ON runs(status);
CREATE INDEX runs_by_experiment ON runs(experiment_id);

CREATE TABLE step_metrics (
    run_id         INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    step           INTEGER NOT NULL,
    epoch          REAL NOT NULL,
    loss           REAL NOT NULL,
    lr             REAL NOT NULL,
    examples_per_s REAL NOT NULL,
    val_loss       REAL,
    recorded_at    INTEGER NOT NULL,
    PRIMARY KEY (run_id, step)
) WITHOUT ROWID;

CREATE TABLE batch_telemetry (
    run_id     INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    step       INTEGER NOT NULL,
    branch     TEXT NOT NULL,
    task       TEXT NOT NULL DEFAULT '',
    query_lang TEXT,
    cand_lang  TEXT,
    pairs      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX batch_telemetry_by_run ON batch_telemetry(run_id, step);

CREATE TABLE eval_results (
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    suite       TEXT NOT NULL,
    setting     TEXT NOT NULL CHECK (setting IN ('Mo', 'Cr', 'Mul')),
    query_lang  TEXT NOT NULL,
    cand_lang   TEXT NOT NULL,
    metric      TEXT NOT NULL,
    value       REAL NOT NULL,
    definition  TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    UNIQUE (run_id, suite, setting, query_lang, cand_lang, metric)
);
CREATE INDEX eval_results_summary ON eval_results(metric, run_id)
    WHERE query_lang = 'all' AND cand_lang = 'all';

CREATE TABLE per_query_results (
    cell_id INTEGER NOT NULL REFERENCES eval_results(id) ON DELETE CASCADE,
    qid     TEXT NOT NULL,
    value   REAL NOT NULL,
    PRIMARY KEY (cell_id, qid)
) WITHOUT ROWID;

CREATE TABLE tags (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    tag    TEXT NOT NULL,
    PRIMARY KEY (run_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_by_tag ON tags(tag);

CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    run_id     INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX notes_by_run ON notes(run_id);
)sql";

// Version 2: the query count of each cell, and the change log that viewers poll to follow runs
// written by other processes (see change_log.h). Every statement is idempotent.
const char* const kChangeLogV2 = R"sql(
CREATE TABLE IF NOT EXISTS run_changes (
    run_id  INTEGER PRIMARY KEY,
    version INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS run_changes_by_version ON run_changes(version);
INSERT OR IGNORE INTO run_changes(run_id, version) SELECT id, 1 FROM runs;
)sql";

/// The trigger `<table>_<event>_changes` bumping the change version of the row's run. An UPDATE
/// then an INSERT of a missing row, not INSERT OR REPLACE: a trigger's conflict clause yields to
/// the outer statement's (INSERT OR IGNORE of a tag would silently skip it).
std::string changeTrigger(const std::string& table, const std::string& event,
                          const std::string& runId) {
    return "CREATE TRIGGER IF NOT EXISTS " + table + "_" + event + "_changes AFTER " + event +
           " ON " + table + " BEGIN " + bumpVersionSql(runId) + " END;\n";
}

/// A version 1 cell's query count, read back from its definition ("mean over N queries", or
/// "(N queries)" for rank distances); nullopt when it names none.
std::optional<std::int64_t> queryCountOf(const std::string& definition) {
    for (const char* marker : {"mean over ", "("}) {
        const std::size_t at = definition.find(marker);
        if (at == std::string::npos) continue;
        const std::size_t first = at + std::string(marker).size();
        std::size_t last = first;
        while (last < definition.size() &&
               std::isdigit(static_cast<unsigned char>(definition[last])))
            ++last;
        if (last > first && definition.compare(last, 8, " queries") == 0)
            return std::stoll(definition.substr(first, last - first));
    }
    return std::nullopt;
}

void addVersion2(Database& db) {
    addColumn(db, "eval_results", "query_count", "INTEGER");
    {  // before the triggers exist: filling the counts is no change of the runs
        Statement cells =
            db.prepare("SELECT id, definition FROM eval_results WHERE query_count IS NULL");
        Statement update = db.prepare("UPDATE eval_results SET query_count = ?2 WHERE id = ?1");
        while (cells.step())
            if (std::optional<std::int64_t> count = queryCountOf(cells.text(1))) {
                update.bind(1, cells.int64(0)).bind(2, *count).run();
                update.reset();
            }
    }
    std::string sql = kChangeLogV2;
    for (const char* table : {"runs", "tags", "notes"})
        for (const char* event : {"INSERT", "UPDATE", "DELETE"})
            sql += changeTrigger(table, event,
                                 std::string(event == std::string("DELETE") ? "OLD." : "NEW.") +
                                     (table == std::string("runs") ? "id" : "run_id"));
    // Step metrics, telemetry and results come in bulk, from one writer each (MetricsWriter,
    // TrainingLog::discardAfter, ResultRepository::record), which touch the run once per
    // transaction instead of a trigger once per row.
    db.run(sql);
}

// Version 3: the suites a run evaluated although they share data with its training data
// (suite_contamination.h); a run without rows here has none. Every statement is idempotent.
const char* const kContaminationV3 = R"sql(
CREATE TABLE IF NOT EXISTS suite_contamination (
    run_id           INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    suite            TEXT NOT NULL,
    questions        INTEGER NOT NULL,
    shared_questions INTEGER NOT NULL,
    passages         INTEGER NOT NULL,
    shared_passages  INTEGER NOT NULL,
    description      TEXT NOT NULL,
    PRIMARY KEY (run_id, suite)
) WITHOUT ROWID;
)sql";

void addVersion3(Database& db) {
    std::string sql = kContaminationV3;
    for (const char* event : {"INSERT", "UPDATE", "DELETE"})
        sql += changeTrigger("suite_contamination", event,
                             event == std::string("DELETE") ? "OLD.run_id" : "NEW.run_id");
    db.run(sql);
}

bool hasColumn(Database& db, const std::string& table, const std::string& column) {
    Statement query = db.prepare("SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2");
    query.bind(1, table).bind(2, column);
    return query.step();
}

// Version 4: the cross-lingual MRR of the held-out validation queries beside the validation loss
// (train/validation_ranking.h), on the steps that validated.
void addVersion4(Database& db) {
    if (!hasColumn(db, "step_metrics", "val_cross_mrr"))
        db.run("ALTER TABLE step_metrics ADD COLUMN val_cross_mrr REAL;");
}

void writeVersion(Database& db, int version) {
    db.prepare(
          "INSERT INTO meta(key, value) VALUES ('schema_version', ?1) "
          "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, std::to_string(version))
        .run();
}

bool hasTable(Database& db, const std::string& table) {
    Statement query = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    query.bind(1, table);
    return query.step();
}

/// True when, now that this connection holds the write lock, the file already has the current
/// schema: another process (trainings started together on a new database) created or updated it
/// between this connection's first read and its lock.
bool createdMeanwhile(Database& db) {
    Result<int> version = readSchemaVersion(db);
    return version && version.value() == kSchemaVersion;
}

}  // namespace

Result<int> readSchemaVersion(Database& db) {
    try {
        if (!hasTable(db, "meta")) {
            Statement count = db.prepare("SELECT count(*) FROM sqlite_master");
            count.step();
            if (count.int64(0) == 0) return 0;
            return Error{db.path() +
                         " is an SQLite database but not an mTREC experiment store "
                         "(it has no meta table); it was not changed"};
        }
        Statement query = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
        if (!query.step())
            return Error{db.path() + ": the meta table has no schema_version; it was not changed"};
        const std::string text = query.text(0);
        std::size_t used = 0;
        int version = 0;
        try {
            version = std::stoi(text, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != text.size() || version < 1)
            return Error{db.path() + ": meta.schema_version is '" + text +
                         "', not a version number"};
        return version;
    } catch (const SqlError& e) {
        return Error{e.what()};
    }
}

Status createDb(Database& db) {
    try {
        Transaction transaction(db);
        if (createdMeanwhile(db)) return success();
        db.run(kCreateV1);
        addVersion2(db);
        addVersion3(db);
        addVersion4(db);
        writeVersion(db, kSchemaVersion);
        transaction.commit();
    } catch (const SqlError& e) {
        return Error{"cannot create the tables: " + std::string(e.what())};
    }
    return success();
}

Status updateDb(Database& db, int fromVersion) {
    if (fromVersion < 1 || fromVersion >= kSchemaVersion)
        throw std::logic_error("updateDb from version " + std::to_string(fromVersion));
    try {
        Transaction transaction(db);
        if (createdMeanwhile(db)) return success();
        // Cumulative steps, oldest first; each later version only adds.
        if (fromVersion <= 1) addVersion2(db);
        if (fromVersion <= 2) addVersion3(db);
        if (fromVersion <= 3) addVersion4(db);
        writeVersion(db, kSchemaVersion);
        transaction.commit();
    } catch (const SqlError& e) {
        return Error{"cannot update " + db.path() + " from schema version " +
                     std::to_string(fromVersion) + ": " + e.what() + " (it was not changed)"};
    }
    return success();
}

Result<int> migrate(Database& db) {
    Result<int> found = readSchemaVersion(db);
    if (!found) return found.error();
    const int version = found.value();
    if (version > kSchemaVersion)
        return Error{db.path() + " was written by a newer mTREC Workbench (schema version " +
                     std::to_string(version) + "; this program knows up to version " +
                     std::to_string(kSchemaVersion) +
                     "); update the program. The file was not changed"};
    if (version == kSchemaVersion) return version;
    if (db.readOnly() && version == 0)
        return Error{db.path() + " holds no experiment store yet (it is empty)"};
    if (db.readOnly())
        return Error{
            db.path() + " has schema version " + std::to_string(version) +
            " and needs an update, which a read-only opening cannot do; open it once for writing"};
    Status done = version == 0 ? createDb(db) : updateDb(db, version);
    if (!done) return done.error();
    return version;
}

void addColumn(Database& db, const std::string& table, const std::string& column,
               const std::string& definition) {
    Statement columns = db.prepare("SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2");
    columns.bind(1, table).bind(2, column);
    if (columns.step()) return;
    db.run("ALTER TABLE " + table + " ADD COLUMN " + column + " " + definition);
}

}  // namespace mtrec::store
