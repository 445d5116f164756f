#pragma once

namespace CLI {
class App;
}

namespace mtrec::cli {

/// Registers `mtrec demo --quick | --paper`: runs a protocol's plan of runs
/// (experiment/protocol_plan.h) into --db, skipping the runs already finished there and resuming
/// unfinished ones, with progress on stderr (or `--progress jsonl` on stdout, with an end line
/// holding the run ids by name), then prints the comparison table. Ctrl-C stops the run under way
/// (checkpoint kept) and says how to continue. `--dry-run` prints the plan and what the database
/// already holds of it.
void addDemoCommand(CLI::App& app);

}  // namespace mtrec::cli
