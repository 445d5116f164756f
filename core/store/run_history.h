#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/database.h"

namespace mtrec::store {

/// What one line of a run's log says happened.
enum class RunEventKind {
    Created,       ///< the run was queued
    Started,       ///< its first start (started_at)
    Resumed,       ///< a later start; `text` is the store's note "resumed after: <status>[: why]"
    Validated,     ///< a step that validated; `step`, `value` = validation loss
    Evaluated,     ///< results of one suite were recorded; `text` = suite, `value` = cells
    Noted,         ///< a note other than a resume's
    Checkpointed,  ///< the latest checkpoint (`text` = its path); the store keeps no time for it
    Ended,         ///< `text` = the status, then ": " and the error when there is one
};

struct RunEvent {
    RunEventKind kind = RunEventKind::Created;
    std::optional<std::int64_t> atMs;  ///< UTC ms; nullopt only for Checkpointed
    std::string text;
    std::optional<std::int64_t> step;
    std::optional<double> value;
};

/// A run's log, read from what the store records about it: the runs row, its notes, the steps
/// that validated (step_metrics.recorded_at) and the suites it was evaluated on
/// (eval_results.recorded_at). The store keeps no history of checkpoints (only the latest path,
/// undated) and no time for an earlier attempt's end (only the resume note), so those appear as
/// the one undated Checkpointed event and inside the Resumed text. Refers to the store's
/// connection; same validity and thread rules as RunRepository.
class RunHistory {
public:
    explicit RunHistory(Database& db) : db_(db) {}

    /// The run's events in time order (ties in the order of RunEventKind); the undated
    /// checkpoint sits just before the end, or last while the run has not ended. An interrupted
    /// run ends at its last heartbeat. Error "no run with id N in <file>" when absent.
    Result<std::vector<RunEvent>> events(std::int64_t runId);

private:
    Database& db_;
};

}  // namespace mtrec::store
