#pragma once

namespace CLI {
class App;
}

namespace mtrec::cli {

/// Registers `resume ID [--db experiments.db] [--threads N]` under `runs` (pass the `runs`
/// subcommand): continues an interrupted run from its last checkpoint with
/// experiment::resumeTrainingRun, then evaluates and finishes it, printing like `mtrec train`.
void addResumeCommand(CLI::App& runs);

}  // namespace mtrec::cli
