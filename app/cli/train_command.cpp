#include "cli/train_command.h"

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/exit_error.h"
#include "cli/interrupt_flag.h"
#include "cli/test_hooks.h"
#include "cli/training_console.h"
#include "experiment/training_run.h"

namespace mtrec::cli {
namespace {

struct TrainOptions {
    std::string config;
    std::string db = store::kDefaultDatabaseName;
    std::string out;
    std::size_t threads = 0;
};

void runTrain(const TrainOptions& options) {
    Result<experiment::TrainingRunCheck> checked = experiment::checkTrainingRun(options.config, {});
    if (!checked) throw ExitError(checked.error().message);
    if (!checked.value().ok()) {
        const std::size_t count = checked.value().problems.size();
        std::cerr << checked.value().problemText() << '\n';
        throw ExitError(std::to_string(count) + (count == 1 ? " problem" : " problems") + " in " +
                        options.config + "; nothing was started");
    }
    InterruptFlag interrupt;
    TrainingConsole console(std::cout);
    experiment::TrainingRunOptions run;
    run.databasePath = options.db;
    run.outputDir = options.out;
    run.threads = options.threads;
    applyTestHooks(run);
    console.report(experiment::startTrainingRun(std::move(checked).value(), run, console.sink(),
                                                CancelToken::watching(interrupt.flag())));
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
        "'mtrec runs resume ID'.");
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
    cmd->callback([options] { runTrain(*options); });
}

}  // namespace mtrec::cli
