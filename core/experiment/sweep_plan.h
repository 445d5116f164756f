#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "common/result.h"

namespace mtrec::experiment {

/// One config of a sweep and where its run goes: each its own database, so tasks on a cluster never
/// share an SQLite file (docs/scaling.md); `mtrec runs merge` brings them together afterwards.
struct SweepTask {
    std::size_t index = 0;
    std::string label;                ///< "hybrid-alpha0.25-s13"
    std::filesystem::path config;    ///< <folder>/configs/NNN-<label>.json
    std::filesystem::path database;  ///< <folder>/db/NNN.db
    std::filesystem::path output;    ///< <folder>/runs/NNN
};

struct SweepPlan {
    std::filesystem::path folder;  ///< absolute
    std::string name;
    std::vector<SweepTask> tasks;
};

/// Reads the grid (sweep_grid.h), expands it, checks every config exactly as `mtrec train` does
/// (relative paths of the base config against `baseDir`, empty: the current folder; the data is
/// read), and writes them, with absolute paths, to <folder>/configs/NNN-<label>.json (making
/// <folder>/db for the databases). Nothing is
/// written unless every config is right: the Error then lists every problem of every config,
/// each with the grid path of the value behind it (or the base config) and the config's name. A
/// configs folder holding other files than these is refused; holding these (the same grid
/// planned again) is reused.
Result<SweepPlan> planSweep(const std::filesystem::path& gridFile,
                            const std::filesystem::path& folder,
                            const std::filesystem::path& baseDir = {});

/// The Slurm job-array script (#SBATCH --array=0-<N-1>): task i runs `<mtrec> train --config
/// <config> --db <database> --out <output>` of tasks[i], its log in <folder>/logs/.
std::string slurmScript(const SweepPlan& plan, const std::string& mtrec);

/// Writes slurmScript to <folder>/sweep.slurm (executable) and makes <folder>/logs; returns the
/// script's path.
Result<std::filesystem::path> writeSlurmScript(const SweepPlan& plan, const std::string& mtrec);

/// "<mtrec> runs merge <folder>/db/*.db --into experiments.db": what merges the finished tasks.
std::string mergeCommand(const SweepPlan& plan, const std::string& mtrec);

}  // namespace mtrec::experiment
