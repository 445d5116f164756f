#pragma once

namespace CLI {
class App;
}

namespace mtrec::cli {

/// Registers `mtrec train --config FILE.json [--db experiments.db] [--out DIR] [--threads N]`:
/// checks the whole config first (every problem printed with its JSON path, exit 1, nothing
/// started), then runs it with experiment::startTrainingRun: progress on stderr, result tables on
/// stdout, the run recorded in --db. Ctrl-C cancels the run (checkpoint kept). A failed run exits 1
/// with its reason.
void addTrainCommand(CLI::App& app);

}  // namespace mtrec::cli
