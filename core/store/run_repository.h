#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/database.h"
#include "store/eval_cell.h"
#include "store/process_identity.h"
#include "store/run_record.h"

namespace mtrec::store {

enum class RunSortKey { Id, Name, Strategy, Seed, Status, Created };

struct ListOptions {
    RunSortKey sortBy = RunSortKey::Id;
    bool descending = false;
    Measure metric = eval::Metric::Map;  ///< Which metric the setting summaries show.
    std::string suite;                   ///< Only this suite's summaries; empty = every suite.
    std::optional<RunStatus> status;     ///< Only runs with this status; nullopt = all.
    std::string tag;                     ///< Only runs with this tag; empty = all.
};

/// Reads and writes runs, their lifecycle, tags and notes. Holds a reference to the store's
/// connection: valid while the ExperimentStore lives; same thread rules as Database. Every function
/// returns SQLite failures (locked, read-only, ...) as Error values; state-transition errors name
/// the run and its state.
class RunRepository {
public:
    RunRepository(Database& db, Clock clock) : db_(db), clock_(std::move(clock)) {}

    /// Inserts a queued run; returns its id.
    Result<std::int64_t> create(const NewRun& run);
    /// queued|interrupted|failed|cancelled -> running, recording the owning process, started_at
    /// (first start only) and a heartbeat; clears error_text and finished_at. Starting a run that
    /// ended unfinished is how a resume begins: its earlier end is kept, in the same transaction,
    /// as the note "resumed after: <status>[: <error text>]". A finished (or running) run is
    /// refused: "cannot start run N: it is finished".
    Status start(std::int64_t runId, const ProcessIdentity& owner = ProcessIdentity::current());
    /// Refreshes heartbeat_at of a running run. An Error when the run is no longer running (for
    /// example it was marked interrupted by another process after a long stall): the trainer should
    /// stop.
    Status heartbeat(std::int64_t runId);
    Status setCheckpoint(std::int64_t runId, const std::string& path);
    Status finish(std::int64_t runId);                           ///< running -> finished
    Status fail(std::int64_t runId, const std::string& reason);  ///< running|queued -> failed
    Status cancel(std::int64_t runId);                           ///< running|queued -> cancelled
    /// running -> interrupted, with the reason as error text: the run stopped where it cannot go
    /// on by itself (another process of a data-parallel training died) and resumes from its last
    /// checkpoint.
    Status interrupt(std::int64_t runId, const std::string& reason);

    /// Marks interrupted every running run whose process is gone: on this host with a pid that is
    /// not alive, or (any host) with a heartbeat older than `heartbeatTimeoutMs`. Returns the ids
    /// changed.
    Result<std::vector<std::int64_t>> markInterrupted(std::int64_t heartbeatTimeoutMs);
    /// Ids of the runs markInterrupted would change, without changing anything.
    Result<std::vector<std::int64_t>> findInterrupted(std::int64_t heartbeatTimeoutMs);

    /// One run with its tags; an Error "no run with id N in <file>" when absent.
    Result<RunRecord> get(std::int64_t runId);
    /// Runs with their setting summaries (eval_results rows with query_lang = cand_lang = 'all').
    Result<std::vector<RunListing>> list(const ListOptions& options = {});

    Status addTag(std::int64_t runId,
                  const std::string& tag);  ///< Adding a present tag is a no-op.
    Status removeTag(std::int64_t runId, const std::string& tag);
    Result<std::int64_t> addNote(std::int64_t runId, const std::string& text);
    Result<std::vector<Note>> notes(std::int64_t runId);
    /// Deletes the run and everything recorded for it (metrics, telemetry, results, tags, notes).
    Status remove(std::int64_t runId);

private:
    Status transition(std::int64_t runId, const std::string& setSql, const std::string& fromStates,
                      const std::string& action, const std::optional<std::string>& text = {});
    Status requireRun(std::int64_t runId);
    Status stateError(std::int64_t runId, const std::string& action);

    Database& db_;
    Clock clock_;
};

}  // namespace mtrec::store
