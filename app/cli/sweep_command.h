#pragma once

namespace CLI {
class App;
}

namespace mtrec::cli {

/// Registers `mtrec sweep --grid grid.json [--out FOLDER] [--run | --slurm]`: expands the grid
/// into configs under FOLDER/configs (every one checked as `mtrec train` checks it; one bad value
/// refuses the whole sweep, naming its grid path), then prints the plan (default), trains the
/// configs here one after another, each into FOLDER/db/NNN.db (--run; a task whose database
/// already holds a finished run is skipped), or writes the Slurm job-array script
/// FOLDER/sweep.slurm (--slurm). Either way it ends with the `mtrec runs merge` command that
/// gathers the runs.
void addSweepCommand(CLI::App& app);

}  // namespace mtrec::cli
