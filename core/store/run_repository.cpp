#include "store/run_repository.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "store/result_rows.h"
#include "store/sql_guard.h"

namespace mtrec::store {

namespace {

const char* const kRunColumns =
    "id, experiment_id, name, config_json, strategy, seed, status, created_at, started_at, "
    "finished_at, heartbeat_at, pid, hostname, error_text, checkpoint_path, code_version";

RunRecord readRun(const Statement& row) {
    RunRecord run;
    run.id = row.int64(0);
    run.experimentId = row.optionalInt64(1);
    run.name = row.text(2);
    run.configJson = row.text(3);
    run.strategy = row.text(4);
    run.seed = row.int64(5);
    run.status = statusFromName(row.text(6)).value_or(RunStatus::Queued);  // CHECK keeps it valid
    run.createdAtMs = row.int64(7);
    run.startedAtMs = row.optionalInt64(8);
    run.finishedAtMs = row.optionalInt64(9);
    run.heartbeatAtMs = row.optionalInt64(10);
    run.pid = row.optionalInt64(11);
    run.hostname = row.optionalText(12);
    run.errorText = row.optionalText(13);
    run.checkpointPath = row.optionalText(14);
    run.codeVersion = row.text(15);
    return run;
}

std::string orderColumn(RunSortKey key) {
    switch (key) {
        case RunSortKey::Id:
            return "id";
        case RunSortKey::Name:
            return "name COLLATE NOCASE";
        case RunSortKey::Strategy:
            return "strategy";
        case RunSortKey::Seed:
            return "seed";
        case RunSortKey::Status:
            return "status";
        case RunSortKey::Created:
            return "created_at";
    }
    return "id";
}

}  // namespace

Result<std::int64_t> RunRepository::create(const NewRun& run) {
    return guarded<Result<std::int64_t>>([&]() -> Result<std::int64_t> {
        db_.prepare(
               "INSERT INTO runs(experiment_id, name, config_json, strategy, seed, status, "
               "created_at, code_version) VALUES (?1, ?2, ?3, ?4, ?5, 'queued', ?6, ?7)")
            .bind(1, run.experimentId)
            .bind(2, run.name)
            .bind(3, run.configJson)
            .bind(4, run.strategy)
            .bind(5, run.seed)
            .bind(6, clock_())
            .bind(7, run.codeVersion.empty() ? std::string(MTREC_VERSION) : run.codeVersion)
            .run();
        return db_.lastInsertRowId();
    });
}

Status RunRepository::requireRun(std::int64_t runId) {
    Statement query = db_.prepare("SELECT 1 FROM runs WHERE id = ?1");
    query.bind(1, runId);
    if (!query.step())
        return Error{"no run with id " + std::to_string(runId) + " in " + db_.path()};
    return success();
}

Status RunRepository::stateError(std::int64_t runId, const std::string& action) {
    if (Status exists = requireRun(runId); !exists) return exists;
    Statement query = db_.prepare("SELECT status FROM runs WHERE id = ?1");
    query.bind(1, runId);
    query.step();
    return Error{"cannot " + action + " run " + std::to_string(runId) + ": it is " + query.text(0)};
}

Status RunRepository::transition(std::int64_t runId, const std::string& setSql,
                                 const std::string& fromStates, const std::string& action,
                                 const std::optional<std::string>& text) {
    return guarded<Status>([&]() -> Status {
        Statement update = db_.prepare("UPDATE runs SET " + setSql +
                                       " WHERE id = ?1 AND status IN (" + fromStates + ")");
        update.bind(1, runId).bind(2, clock_());
        if (text) update.bind(3, *text);
        update.run();
        if (db_.changes() == 0) return stateError(runId, action);
        return success();
    });
}

Status RunRepository::start(std::int64_t runId, const ProcessIdentity& owner) {
    return guarded<Status>([&]() -> Status {
        Transaction transaction(db_);
        Statement current = db_.prepare("SELECT status, error_text FROM runs WHERE id = ?1");
        current.bind(1, runId);
        if (!current.step()) return requireRun(runId);
        const std::string status = current.text(0);
        const std::optional<std::string> errorText = current.optionalText(1);
        if (status != "queued" && status != "interrupted" && status != "failed" &&
            status != "cancelled")
            return stateError(runId, "start");
        const std::int64_t now = clock_();
        db_.prepare(
               "UPDATE runs SET status = 'running', started_at = coalesce(started_at, ?2), "
               "heartbeat_at = ?2, pid = ?3, hostname = ?4, error_text = NULL, "
               "finished_at = NULL WHERE id = ?1")
            .bind(1, runId)
            .bind(2, now)
            .bind(3, owner.pid)
            .bind(4, owner.hostname)
            .run();
        if (status != "queued") {
            std::string note = "resumed after: " + status;
            if (errorText && !errorText->empty()) note += ": " + *errorText;
            db_.prepare("INSERT INTO notes(run_id, text, created_at) VALUES (?1, ?2, ?3)")
                .bind(1, runId)
                .bind(2, note)
                .bind(3, now)
                .run();
        }
        transaction.commit();
        return success();
    });
}

Status RunRepository::heartbeat(std::int64_t runId) {
    return transition(runId, "heartbeat_at = ?2", "'running'", "heartbeat");
}

Status RunRepository::setCheckpoint(std::int64_t runId, const std::string& path) {
    return guarded<Status>([&]() -> Status {
        db_.prepare("UPDATE runs SET checkpoint_path = ?2 WHERE id = ?1")
            .bind(1, runId)
            .bind(2, path)
            .run();
        if (db_.changes() == 0) return requireRun(runId);
        return success();
    });
}

Status RunRepository::finish(std::int64_t runId) {
    return transition(runId, "status = 'finished', finished_at = ?2, heartbeat_at = ?2",
                      "'running'", "finish");
}

Status RunRepository::fail(std::int64_t runId, const std::string& reason) {
    return transition(runId, "status = 'failed', finished_at = ?2, error_text = ?3",
                      "'running', 'queued'", "fail", reason);
}

Status RunRepository::cancel(std::int64_t runId) {
    return transition(runId, "status = 'cancelled', finished_at = ?2", "'running', 'queued'",
                      "cancel");
}

Status RunRepository::interrupt(std::int64_t runId, const std::string& reason) {
    return transition(runId, "status = 'interrupted', finished_at = ?2, error_text = ?3",
                      "'running'", "interrupt", reason);
}

Result<std::vector<std::int64_t>> RunRepository::findInterrupted(std::int64_t heartbeatTimeoutMs) {
    return guarded<Result<std::vector<std::int64_t>>>([&]() -> Result<std::vector<std::int64_t>> {
        const ProcessIdentity self = ProcessIdentity::current();
        const std::int64_t now = clock_();
        Statement query = db_.prepare(
            "SELECT id, pid, hostname, heartbeat_at FROM runs WHERE status = 'running' ORDER BY "
            "id");
        std::vector<std::int64_t> dead;
        while (query.step()) {
            const auto pid = query.optionalInt64(1);
            const auto host = query.optionalText(2);
            const auto beat = query.optionalInt64(3);
            const bool sameHost = host && *host == self.hostname;
            const bool gone = sameHost && (!pid || !processAlive(*pid));
            const bool stale = !beat || now - *beat > heartbeatTimeoutMs;
            if (gone || stale) dead.push_back(query.int64(0));
        }
        return dead;
    });
}

Result<std::vector<std::int64_t>> RunRepository::markInterrupted(std::int64_t heartbeatTimeoutMs) {
    Result<std::vector<std::int64_t>> dead = findInterrupted(heartbeatTimeoutMs);
    if (!dead || dead.value().empty()) return dead;
    return guarded<Result<std::vector<std::int64_t>>>([&]() -> Result<std::vector<std::int64_t>> {
        Transaction transaction(db_);
        Statement update = db_.prepare(
            "UPDATE runs SET status = 'interrupted', error_text = 'the process (pid ' || "
            "coalesce(pid, '?') || ' on ' || coalesce(hostname, '?') || ') ended without finishing "
            "the run' WHERE id = ?1 AND status = 'running'");
        for (std::int64_t id : dead.value()) {
            update.bind(1, id).run();
            update.reset();
        }
        transaction.commit();
        return dead;
    });
}

Result<RunRecord> RunRepository::get(std::int64_t runId) {
    return guarded<Result<RunRecord>>([&]() -> Result<RunRecord> {
        Statement query =
            db_.prepare(std::string("SELECT ") + kRunColumns + " FROM runs WHERE id = ?1");
        query.bind(1, runId);
        if (!query.step())
            return Error{"no run with id " + std::to_string(runId) + " in " + db_.path()};
        RunRecord run = readRun(query);
        Statement tags = db_.prepare("SELECT tag FROM tags WHERE run_id = ?1 ORDER BY tag");
        tags.bind(1, runId);
        while (tags.step()) run.tags.push_back(tags.text(0));
        run.contaminated = rows::contaminationOf(db_, runId);
        return run;
    });
}

Result<std::vector<RunListing>> RunRepository::list(const ListOptions& options) {
    return guarded<Result<std::vector<RunListing>>>([&]() -> Result<std::vector<RunListing>> {
        std::string sql =
            std::string("SELECT ") + kRunColumns +
            " FROM runs WHERE (?1 = '' OR status = ?1)"
            " AND (?2 = '' OR id IN (SELECT run_id FROM tags WHERE tag = ?2)) ORDER BY " +
            orderColumn(options.sortBy) + (options.descending ? " DESC" : "") + ", id";
        Statement query = db_.prepare(sql);
        query.bind(1, options.status ? std::string(statusName(*options.status)) : std::string());
        query.bind(2, options.tag);
        std::vector<RunListing> out;
        std::unordered_map<std::int64_t, std::size_t> index;
        while (query.step()) {
            index.emplace(query.int64(0), out.size());
            out.push_back({readRun(query), {}});
        }
        Statement tags = db_.prepare("SELECT run_id, tag FROM tags ORDER BY run_id, tag");
        while (tags.step())
            if (auto it = index.find(tags.int64(0)); it != index.end())
                out[it->second].run.tags.push_back(tags.text(1));
        Statement contaminated =
            db_.prepare(std::string("SELECT run_id, ") + rows::kContaminationColumns +
                        " FROM suite_contamination ORDER BY run_id, suite");
        while (contaminated.step())
            if (auto it = index.find(contaminated.int64(0)); it != index.end())
                out[it->second].run.contaminated.push_back(
                    rows::readContamination(contaminated, 1));
        Statement summary = db_.prepare(
            "SELECT run_id, suite, setting, value FROM eval_results WHERE metric = ?1 AND "
            "query_lang = 'all' AND cand_lang = 'all' AND (?2 = '' OR suite = ?2)");
        summary.bind(1, std::string(measureName(options.metric))).bind(2, options.suite);
        while (summary.step())
            if (auto it = index.find(summary.int64(0)); it != index.end())
                out[it->second].summary.push_back(
                    {summary.text(1), settingFromName(summary.text(2)).value_or(eval::Setting::Mo),
                     summary.real(3)});
        for (RunListing& listing : out)
            std::sort(listing.summary.begin(), listing.summary.end(),
                      [](const SettingValue& a, const SettingValue& b) {
                          return std::tie(a.suite, a.setting) < std::tie(b.suite, b.setting);
                      });
        return out;
    });
}

Status RunRepository::addTag(std::int64_t runId, const std::string& tag) {
    if (tag.empty()) return Error{"a tag cannot be empty"};
    return guarded<Status>([&]() -> Status {
        if (Status exists = requireRun(runId); !exists) return exists;
        db_.prepare("INSERT OR IGNORE INTO tags(run_id, tag) VALUES (?1, ?2)")
            .bind(1, runId)
            .bind(2, tag)
            .run();
        return success();
    });
}

Status RunRepository::removeTag(std::int64_t runId, const std::string& tag) {
    return guarded<Status>([&]() -> Status {
        if (Status exists = requireRun(runId); !exists) return exists;
        db_.prepare("DELETE FROM tags WHERE run_id = ?1 AND tag = ?2")
            .bind(1, runId)
            .bind(2, tag)
            .run();
        return success();
    });
}

Result<std::int64_t> RunRepository::addNote(std::int64_t runId, const std::string& text) {
    if (text.empty()) return Error{"a note cannot be empty"};
    return guarded<Result<std::int64_t>>([&]() -> Result<std::int64_t> {
        if (Status exists = requireRun(runId); !exists) return exists.error();
        db_.prepare("INSERT INTO notes(run_id, text, created_at) VALUES (?1, ?2, ?3)")
            .bind(1, runId)
            .bind(2, text)
            .bind(3, clock_())
            .run();
        return db_.lastInsertRowId();
    });
}

Result<std::vector<Note>> RunRepository::notes(std::int64_t runId) {
    return guarded<Result<std::vector<Note>>>([&]() -> Result<std::vector<Note>> {
        if (Status exists = requireRun(runId); !exists) return exists.error();
        Statement query = db_.prepare(
            "SELECT id, run_id, text, created_at FROM notes WHERE run_id = ?1 ORDER BY id");
        query.bind(1, runId);
        std::vector<Note> out;
        while (query.step())
            out.push_back({query.int64(0), query.int64(1), query.text(2), query.int64(3)});
        return out;
    });
}

Status RunRepository::remove(std::int64_t runId) {
    return guarded<Status>([&]() -> Status {
        Transaction transaction(db_);
        db_.prepare("DELETE FROM runs WHERE id = ?1").bind(1, runId).run();
        if (db_.changes() == 0)
            return Error{"no run with id " + std::to_string(runId) + " in " + db_.path()};
        transaction.commit();
        return success();
    });
}

}  // namespace mtrec::store
