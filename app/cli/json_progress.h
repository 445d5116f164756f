#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "common/progress.h"
#include "common/progress_throttle.h"
#include "common/result.h"
#include "experiment/training_run.h"

namespace mtrec::cli {

/// `--progress jsonl`: a training job's progress as one JSON object a line on `out` (stdout), for
/// a program that follows the run (the workbench's queue): {"run_id", "phase", "done", "total",
/// "step", "loss", "lr", "examples_per_second", "eta_seconds", "suite", and "validation_loss" or
/// "checkpoint" when the report is one, "message" when it has one, and "run_index" and "run_count"
/// within a protocol (`mtrec demo`)}, at most ~10 a second (ProgressThrottle keeps every phase
/// change, validation result and checkpoint), then one last line {"run_id", "end": true, "status":
/// "finished" | "cancelled" | "failed", "message"}. Called on the training thread.
class JsonProgress {
public:
    explicit JsonProgress(std::ostream& out);

    /// A sink writing through this object; it must outlive the run.
    ProgressSink sink();

    /// Writes the end line; throws ExitError for a failed or cancelled run (exit status 1), as the
    /// console does.
    void report(const Result<experiment::TrainingRunOutcome>& outcome);

    /// Delivers the held-back report, then writes the end line {"run_id", "end": true, "status",
    /// "message" (when not empty)} with `extra`'s keys added (a protocol's run ids).
    void end(const std::string& status, const std::string& message,
             const nlohmann::json& extra = nlohmann::json::object());

private:
    void write(const Progress& progress);

    std::ostream& out_;
    ProgressThrottle throttle_;
    std::int64_t runId_ = 0;
    std::size_t runIndex_ = 0;  ///< a protocol's run the last report belonged to
};

}  // namespace mtrec::cli
