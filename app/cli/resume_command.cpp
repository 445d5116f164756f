#include "cli/resume_command.h"

#include <cstdint>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/interrupt_flag.h"
#include "cli/json_progress.h"
#include "cli/rank_command.h"
#include "cli/test_hooks.h"
#include "cli/training_console.h"
#include "cli/world_options.h"
#include "experiment/training_run.h"

namespace mtrec::cli {
namespace {

struct ResumeOptions {
    std::int64_t runId = 0;
    std::string db = store::kDefaultDatabaseName;
    std::size_t threads = 0;
    std::string progress = "console";  ///< or "jsonl": JSON lines on stdout for a following program
    train::WorldFlags world;
};

void runResume(const ResumeOptions& options) {
    const World world = joinWorld(options.world);
    InterruptFlag interrupt;
    experiment::TrainingRunOptions run;
    run.databasePath = options.db;
    run.threads = options.threads > 0 ? options.threads : world.defaultThreads();
    applyTestHooks(run);
    const CancelToken cancel = CancelToken::watching(interrupt.flag());
    if (world.joins()) return trainAsRank(world, run, cancel);
    run.collective = world.collective;
    if (options.progress == "jsonl") {
        JsonProgress json(std::cout);
        return json.report(experiment::resumeTrainingRun(options.runId, run, json.sink(), cancel));
    }
    TrainingConsole console(std::cout);
    console.report(experiment::resumeTrainingRun(options.runId, run, console.sink(), cancel));
}

}  // namespace

void addResumeCommand(CLI::App& runs) {
    auto options = std::make_shared<ResumeOptions>();
    CLI::App* cmd = runs.add_subcommand(
        "resume",
        "Continue an interrupted, failed or cancelled training run from its last checkpoint and "
        "finish it");
    cmd->footer(
        "A run whose process died (killed, power cut) is marked interrupted when the database is "
        "next opened. A failed or cancelled run resumes too (its earlier end is kept as a note); a "
        "finished one does not. Resuming restores model, optimizer, sampler and random state from "
        "the run's last checkpoint (none yet: it starts over), drops the step metrics logged after "
        "it, trains to the end, evaluates and finishes the run; the losses are those of an "
        "uninterrupted run. A data-parallel run resumes on any number of processes (start this "
        "command as 'mtrec train' was started); the ranks other than 0 take the run from rank 0.");
    cmd->add_option("id", options->runId, "Run id")->required();
    CLI::Option* db =
        cmd->add_option("--db", options->db, "Experiments database")->capture_default_str();
    cmd->add_option("--threads", options->threads, "Intra-op threads (default: what the run used)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--progress", options->progress,
                    "console: a status line for people; jsonl: one JSON object a line on stdout")
        ->check(CLI::IsMember({"console", "jsonl"}))
        ->capture_default_str();
    addWorldOptions(*cmd, options->world);
    // `runs --db PATH resume ID` names the database on `runs` itself.
    CLI::Option* runsDb = runs.get_option_no_throw("--db");
    cmd->callback([options, db, runsDb] {
        if (db->count() == 0 && runsDb && runsDb->count() > 0)
            options->db = runsDb->as<std::string>();
        runResume(*options);
    });
}

}  // namespace mtrec::cli
