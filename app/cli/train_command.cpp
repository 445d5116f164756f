#include "cli/train_command.h"

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/exit_error.h"
#include "cli/interrupt_flag.h"
#include "cli/rank_command.h"
#include "cli/test_hooks.h"
#include "cli/training_console.h"
#include "cli/world_options.h"
#include "experiment/training_run.h"

namespace mtrec::cli {
namespace {

struct TrainOptions {
    std::string config;
    std::string db = store::kDefaultDatabaseName;
    std::string out;
    std::size_t threads = 0;
    train::WorldFlags world;
};

void runTrain(const TrainOptions& options) {
    const World world = joinWorld(options.world);
    experiment::TrainingRunOptions run;
    run.databasePath = options.db;
    run.outputDir = options.out;
    run.threads = options.threads > 0 ? options.threads : world.defaultThreads();
    applyTestHooks(run);
    InterruptFlag interrupt;
    const CancelToken cancel = CancelToken::watching(interrupt.flag());
    // The other ranks take the config rank 0 checked and stored, with the run's paths.
    if (world.joins()) return trainAsRank(world, run, cancel);

    Result<experiment::TrainingRunCheck> checked = experiment::checkTrainingRun(options.config, {});
    if (!checked) throw ExitError(checked.error().message);
    if (!checked.value().ok()) {
        const std::size_t count = checked.value().problems.size();
        std::cerr << checked.value().problemText() << '\n';
        throw ExitError(std::to_string(count) + (count == 1 ? " problem" : " problems") + " in " +
                        options.config + "; nothing was started");
    }
    TrainingConsole console(std::cout);
    run.collective = world.collective;
    console.report(
        experiment::startTrainingRun(std::move(checked).value(), run, console.sink(), cancel));
}

}  // namespace

void addTrainCommand(CLI::App& app) {
    auto options = std::make_shared<TrainOptions>();
    CLI::App* cmd = app.add_subcommand(
        "train", "Train a dual encoder from a JSON config, evaluate it and record the run");
    cmd->footer(
        "The config is checked completely before anything starts; every problem is listed with its "
        "JSON path. Checkpoints, the trained tokenizer and the evaluation CSV files go to --out. "
        "Ctrl-C cancels the run and keeps its checkpoint; a killed run can be resumed with "
        "'mtrec runs resume ID'. Started on several processes (torchrun --no_python, srun, or "
        "--rank/--world-size/--master), it trains one run data-parallel: the config's batch size "
        "is the global batch, rank 0 records the run, and a rank that stops leaves it "
        "interrupted (resume it on any number of processes).");
    cmd->add_option("--config", options->config, "Training config (versioned JSON)")
        ->required()
        ->check(CLI::ExistingFile);
    cmd->add_option("--db", options->db, "Experiments database (created when missing)")
        ->capture_default_str();
    cmd->add_option("--out", options->out,
                    "Output folder for checkpoints and results (default: runs/<id>-<name>/)");
    cmd->add_option("--threads", options->threads,
                    "Intra-op threads (default: the config's 'threads'; 0 there: all cores)")
        ->check(CLI::PositiveNumber);
    addWorldOptions(*cmd, options->world);
    cmd->callback([options] { runTrain(*options); });
}

}  // namespace mtrec::cli
