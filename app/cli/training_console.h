#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <ostream>
#include <string>

#include "common/result.h"
#include "experiment/training_run.h"

namespace mtrec::cli {

class ProgressPrinter;

/// What `mtrec train` and `mtrec runs resume` show of a run. Progress goes to stderr: on a
/// terminal one status line redrawn at most 10 times a second (bar, step, loss, lr, examples/s,
/// ETA, batch kind); piped, a plain line every ~5 % of the steps, on validation steps and on the
/// last step. Evaluation progress uses ProgressPrinter. The outcome goes to `out`. Not
/// thread-safe: the callbacks are called on the training thread, which is the calling thread.
class TrainingConsole {
public:
    explicit TrainingConsole(std::ostream& out);
    ~TrainingConsole();

    /// Callbacks that print through this console; it must outlive the run.
    experiment::TrainingRunCallbacks callbacks();

    /// Prints the result tables and where everything is; throws ExitError for a failed or
    /// cancelled run (exit status 1 with its message).
    void report(const Result<experiment::TrainingRunOutcome>& outcome);

private:
    void step(const train::TrainingProgress& progress);
    void evaluation(const std::string& suite, const std::string& what, std::size_t done,
                    std::size_t total);
    void endLine();

    std::ostream& out_;
    bool terminal_;
    bool lineOpen_ = false;
    std::chrono::steady_clock::time_point lastDraw_{};
    std::unique_ptr<ProgressPrinter> evaluationProgress_;
    std::string evaluationLabel_;
};

}  // namespace mtrec::cli
