#include "cli/sweep_command.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/exit_error.h"
#include "cli/interrupt_flag.h"
#include "cli/test_hooks.h"
#include "cli/training_console.h"
#include "experiment/sweep_plan.h"
#include "experiment/training_run.h"

namespace mtrec::cli {
namespace {

namespace fs = std::filesystem;

struct SweepOptions {
    std::string grid;
    std::string out;
    bool run = false;
    bool slurm = false;
};

/// This program's path, for the commands the sweep prints and writes.
std::string mtrecPath() {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string("mtrec") : self.string();
}

/// True when the task's database already holds a finished run (a sweep run again goes on).
bool finished(const experiment::SweepTask& task) {
    std::error_code ec;
    if (!fs::exists(task.database, ec)) return false;
    store::StoreOptions options;
    options.mode = store::OpenMode::ReadOnly;
    Result<store::ExperimentStore> store = store::ExperimentStore::open(task.database, options);
    if (!store) return false;
    store::ListOptions finishedOnly;
    finishedOnly.status = store::RunStatus::Finished;
    Result<std::vector<store::RunListing>> runs = store.value().runs().list(finishedOnly);
    return runs && !runs.value().empty();
}

/// Trains every task not finished yet; a failed one is reported and the next goes on, Ctrl-C
/// stops the sweep. Returns the labels of the tasks that failed.
std::vector<std::string> runTasks(const experiment::SweepPlan& plan) {
    InterruptFlag interrupt;
    std::vector<std::string> failed;
    for (const experiment::SweepTask& task : plan.tasks) {
        if (finished(task)) {
            std::cout << "task " << task.index << " (" << task.label
                      << "): already finished in " << task.database.string() << "\n";
            continue;
        }
        std::cout << "task " << task.index << "/" << plan.tasks.size() - 1 << " (" << task.label
                  << "): " << task.config.string() << "\n";
        Result<experiment::TrainingRunCheck> checked =
            experiment::checkTrainingRun(task.config.string(), {});
        experiment::TrainingRunOptions run;
        run.databasePath = task.database.string();
        run.outputDir = task.output.string();
        applyTestHooks(run);
        TrainingConsole console(std::cout);
        try {
            if (!checked) throw ExitError(checked.error().message);
            console.report(experiment::startTrainingRun(std::move(checked).value(), run,
                                                        console.sink(),
                                                        CancelToken::watching(interrupt.flag())));
        } catch (const ExitError& e) {
            if (interrupt.flag()) throw ExitError(std::string(e.what()) + "; the sweep stopped");
            std::cerr << "mtrec: task " << task.index << " (" << task.label << "): " << e.what()
                      << '\n';
            failed.push_back(task.label);
        }
    }
    return failed;
}

void runSweep(const SweepOptions& options) {
    const fs::path folder =
        options.out.empty() ? fs::path("sweeps") / fs::path(options.grid).stem() : fs::path(options.out);
    Result<experiment::SweepPlan> planned = experiment::planSweep(options.grid, folder);
    if (!planned) throw ExitError(planned.error().message);
    const experiment::SweepPlan& plan = planned.value();
    std::cout << "sweep " << plan.name << ": " << plan.tasks.size() << " configs in "
              << (plan.folder / "configs").string() << "\n";
    for (const experiment::SweepTask& task : plan.tasks)
        std::cout << "  " << task.config.filename().string() << " -> " << task.database.string()
                  << "\n";
    const std::string mtrec = mtrecPath();
    if (options.slurm) {
        Result<fs::path> written = experiment::writeSlurmScript(plan, mtrec);
        if (!written) throw ExitError(written.error().message);
        const fs::path& script = written.value();
        std::cout << "wrote " << script.string() << " (" << plan.tasks.size()
                  << " array tasks); submit it with: sbatch " << script.string() << "\n";
    } else if (options.run) {
        const std::vector<std::string> failed = runTasks(plan);
        if (!failed.empty())
            throw ExitError(std::to_string(failed.size()) + " of " +
                            std::to_string(plan.tasks.size()) + " sweep runs failed (" +
                            failed.front() + (failed.size() > 1 ? ", ..." : "") +
                            "); rerun the sweep with --run to retry them");
    } else {
        std::cout << "nothing trained: pass --run to train here one after another, or --slurm "
                     "for a Slurm job array\n";
    }
    std::cout << "merge the finished runs with: " << experiment::mergeCommand(plan, mtrec) << "\n";
}

}  // namespace

void addSweepCommand(CLI::App& app) {
    auto options = std::make_shared<SweepOptions>();
    CLI::App* cmd = app.add_subcommand(
        "sweep", "Expand a grid of strategies, values and seeds into configs and train them");
    cmd->footer(
        "The grid names a base config and the lists to expand (docs/scaling.md). Every config is "
        "checked as 'mtrec train' checks it before anything is written. Each run gets its own "
        "database (FOLDER/db/NNN.db): never several writers on one SQLite file over a network "
        "filesystem. 'mtrec runs merge' gathers them.");
    cmd->add_option("--grid", options->grid, "Grid file (JSON)")
        ->required()
        ->check(CLI::ExistingFile);
    cmd->add_option("--out", options->out,
                    "Sweep folder (default: sweeps/<grid file name without .json>)");
    CLI::Option* run =
        cmd->add_flag("--run", options->run, "Train the configs here, one after another");
    cmd->add_flag("--slurm", options->slurm, "Write FOLDER/sweep.slurm, a Slurm job array")
        ->excludes(run);
    cmd->callback([options] { runSweep(*options); });
}

}  // namespace mtrec::cli
