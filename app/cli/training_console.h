#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "common/progress.h"
#include "common/progress_throttle.h"
#include "common/result.h"
#include "experiment/training_run.h"

namespace mtrec::cli {

class ProgressPrinter;

/// What `mtrec train` and `mtrec runs resume` show of a run. Progress goes to stderr: the run's
/// folder, a line as each phase begins; on a terminal one status line redrawn at most 10 times a
/// second (bar, step, loss, lr, examples/s, ETA, batch kind; ProgressThrottle); piped, a plain line
/// every ~5 % of the steps, on validation steps and on the last step. Evaluation progress uses
/// ProgressPrinter. The outcome goes to `out`. Not thread-safe: the sink is called on the training
/// thread, which is the calling thread.
class TrainingConsole {
public:
    explicit TrainingConsole(std::ostream& out);
    ~TrainingConsole();

    /// A sink that prints through this console; it must outlive the run.
    ProgressSink sink();

    /// Prints the result tables and where everything is; throws ExitError for a failed or
    /// cancelled run (exit status 1 with its message).
    void report(const Result<experiment::TrainingRunOutcome>& outcome);

private:
    void show(const Progress& progress);
    void draw(const Progress& step);
    void step(const Progress& step);
    void evaluation(const Progress& progress);
    void endLine();

    std::ostream& out_;
    bool terminal_;
    bool lineOpen_ = false;
    std::optional<Phase> announced_;  ///< the last phase a line was printed for
    ProgressThrottle redraw_;         ///< terminal status line: ~10 redraws a second
    std::unique_ptr<ProgressPrinter> evaluationProgress_;
    std::string evaluationLabel_;
};

}  // namespace mtrec::cli
