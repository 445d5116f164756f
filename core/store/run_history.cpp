#include "store/run_history.h"

#include <algorithm>

#include "store/sql_guard.h"

namespace mtrec::store {
namespace {

/// The note RunRepository::start writes when a run that ended unfinished starts again.
constexpr const char* kResumeNotePrefix = "resumed after: ";

RunEvent dated(RunEventKind kind, std::int64_t atMs, std::string text = {}) {
    RunEvent event;
    event.kind = kind;
    event.atMs = atMs;
    event.text = std::move(text);
    return event;
}

/// The runs row: created, started, ended (an interrupted run at its last heartbeat) and the
/// undated checkpoint, which is returned apart. False when there is no such run.
bool readRunRow(Database& db, std::int64_t runId, std::vector<RunEvent>& events,
                std::optional<RunEvent>& checkpoint) {
    Statement row = db.prepare(
        "SELECT status, created_at, started_at, finished_at, heartbeat_at, error_text, "
        "checkpoint_path FROM runs WHERE id = ?1");
    row.bind(1, runId);
    if (!row.step()) return false;
    const std::string status = row.text(0);
    events.push_back(dated(RunEventKind::Created, row.int64(1)));
    if (auto started = row.optionalInt64(2))
        events.push_back(dated(RunEventKind::Started, *started));
    const auto endedAt = status == "interrupted" ? row.optionalInt64(4) : row.optionalInt64(3);
    if (endedAt && status != "running" && status != "queued") {
        const auto error = row.optionalText(5);
        events.push_back(dated(RunEventKind::Ended, *endedAt,
                               error && !error->empty() ? status + ": " + *error : status));
    }
    if (auto path = row.optionalText(6)) {
        checkpoint = RunEvent{};
        checkpoint->kind = RunEventKind::Checkpointed;
        checkpoint->text = *path;
    }
    return true;
}

void readNotes(Database& db, std::int64_t runId, std::vector<RunEvent>& events) {
    Statement notes =
        db.prepare("SELECT text, created_at FROM notes WHERE run_id = ?1 ORDER BY created_at, id");
    notes.bind(1, runId);
    while (notes.step()) {
        std::string text = notes.text(0);
        const bool resume = text.rfind(kResumeNotePrefix, 0) == 0;
        events.push_back(
            dated(resume ? RunEventKind::Resumed : RunEventKind::Noted, notes.int64(1), text));
    }
}

void readValidations(Database& db, std::int64_t runId, std::vector<RunEvent>& events) {
    Statement steps = db.prepare(
        "SELECT step, val_loss, recorded_at FROM step_metrics "
        "WHERE run_id = ?1 AND val_loss IS NOT NULL ORDER BY step");
    steps.bind(1, runId);
    while (steps.step()) {
        RunEvent event = dated(RunEventKind::Validated, steps.int64(2));
        event.step = steps.int64(0);
        event.value = steps.real(1);
        events.push_back(event);
    }
}

/// One event per suite, at its first cell's time, counting its (setting, language pair) cells.
void readEvaluations(Database& db, std::int64_t runId, std::vector<RunEvent>& events) {
    Statement suites = db.prepare(
        "SELECT suite, min(recorded_at), "
        "count(DISTINCT setting || '|' || query_lang || '|' || cand_lang) "
        "FROM eval_results WHERE run_id = ?1 GROUP BY suite");
    suites.bind(1, runId);
    while (suites.step()) {
        RunEvent event = dated(RunEventKind::Evaluated, suites.int64(1), suites.text(0));
        event.value = double(suites.int64(2));
        events.push_back(event);
    }
}

bool earlier(const RunEvent& a, const RunEvent& b) {
    if (*a.atMs != *b.atMs) return *a.atMs < *b.atMs;
    return a.kind < b.kind;
}

}  // namespace

Result<std::vector<RunEvent>> RunHistory::events(std::int64_t runId) {
    return guarded<Result<std::vector<RunEvent>>>([&]() -> Result<std::vector<RunEvent>> {
        std::vector<RunEvent> events;
        std::optional<RunEvent> checkpoint;
        if (!readRunRow(db_, runId, events, checkpoint))
            return Error{"no run with id " + std::to_string(runId) + " in " + db_.path()};
        readNotes(db_, runId, events);
        readValidations(db_, runId, events);
        readEvaluations(db_, runId, events);
        std::stable_sort(events.begin(), events.end(), earlier);
        if (checkpoint) {
            const bool ended = events.back().kind == RunEventKind::Ended;
            events.insert(ended ? events.end() - 1 : events.end(), *checkpoint);
        }
        return events;
    });
}

}  // namespace mtrec::store
