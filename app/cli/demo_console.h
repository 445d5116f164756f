#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "cli/json_progress.h"
#include "common/progress.h"
#include "common/result.h"
#include "experiment/protocol_run.h"

namespace mtrec::cli {

class TrainingConsole;

/// What `mtrec demo` shows of a protocol on a terminal or a pipe: a line as each planned run begins
/// ("run 3 of 6 (demo-hybrid, seed 13)", or that it was already finished), each run's progress as
/// `mtrec train` shows it (a fresh TrainingConsole per run), and at the end the comparison table.
/// Not thread-safe: the sink is called on the calling thread, which runs the protocol.
class DemoConsole {
public:
    DemoConsole();
    ~DemoConsole();

    /// A sink that prints through this console; it must outlive the protocol.
    ProgressSink sink();

    /// Prints how many runs were skipped, resumed and new, then the comparison table of `db` on
    /// `out`; throws ExitError for a failed or cancelled protocol, saying how to continue
    /// (`rerun`).
    void report(const experiment::ProtocolPlan& plan,
                const Result<experiment::ProtocolOutcome>& outcome, const std::string& db,
                const std::string& rerun, std::ostream& out);

private:
    void show(const Progress& progress);

    std::unique_ptr<TrainingConsole> run_;  ///< of the planned run under way
    std::size_t runIndex_ = 0;
};

/// The plan's name, size, database and notes (which suites, which left out and why), on `out`.
void printPlanHeader(const experiment::ProtocolPlan& plan, const std::string& db,
                     std::ostream& out);

/// `--dry-run`: the header, then one line per planned run with what it is and what `db` already
/// holds of it (finished as run N, run N to resume, or new).
void printPlan(const experiment::ProtocolPlan& plan, const std::string& db, std::ostream& out);

/// `--progress jsonl`: the end line ({"end": true, "status", "message", "runs": {name: [ids]}}),
/// then an ExitError for a failed or cancelled protocol, as the console does.
void reportJson(const experiment::ProtocolPlan& plan,
                const Result<experiment::ProtocolOutcome>& outcome, JsonProgress& json,
                const std::string& rerun);

}  // namespace mtrec::cli
