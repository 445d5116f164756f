#include "cli/demo_command.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/demo_console.h"
#include "cli/exit_error.h"
#include "cli/interrupt_flag.h"
#include "cli/json_progress.h"
#include "cli/test_hooks.h"
#include "experiment/protocol_run.h"

namespace mtrec::cli {
namespace {

namespace fs = std::filesystem;

/// The presets and the demo corpus are read in place from the checkout.
const fs::path kSourceDir = MTREC_SOURCE_DIR;

struct DemoOptions {
    bool quick = false;
    bool paper = false;
    std::string data;
    std::string db = store::kDefaultDatabaseName;
    std::vector<std::uint64_t> seeds = {13, 14, 15};
    std::string progress = "console";
    std::size_t threads = 0;
    bool dryRun = false;
    // Hidden, for tests: a plan small enough for the test suite.
    std::size_t testSteps = 0;
    std::vector<std::string> testLanguages;
};

std::string dataRoot(const DemoOptions& o) {
    if (!o.data.empty()) return o.data;
    const fs::path shared = (kSourceDir / ".." / "shared" / "datasets").lexically_normal();
    std::error_code ec;
    if (fs::is_directory(shared, ec)) return shared.string();
    throw ExitError("no datasets folder at " + shared.string() +
                    ": the paper protocol trains on MLQA dev and evaluates on XQuAD-R. Get them "
                    "with scripts/get-datasets.sh (it fills ../shared/datasets beside the "
                    "repository), or give --data the folder that holds them");
}

experiment::PlanScale scaleOf(const DemoOptions& o) {
    experiment::PlanScale scale;
    if (o.testSteps > 0) scale.maxSteps = o.testSteps;
    scale.evaluationLanguages = o.testLanguages;
    return scale;
}

experiment::ProtocolPlan planOf(const DemoOptions& o) {
    const fs::path configs = kSourceDir / "resources" / "configs";
    Result<experiment::ProtocolPlan> plan = Error{""};
    if (o.quick) {
        plan = experiment::quickPlan({configs, kSourceDir, 13, scaleOf(o)});
    } else {
        experiment::PaperPlanOptions options;
        options.configsDir = configs;
        options.dataRoot = fs::absolute(dataRoot(o)).lexically_normal();
        options.baseDir = kSourceDir;
        options.seeds = o.seeds;
        options.scale = scaleOf(o);
        plan = experiment::paperPlan(options);
    }
    if (!plan) throw ExitError(plan.error().message);
    return std::move(plan).value();
}

/// The command that continues this one where it stopped.
std::string rerunCommand(const DemoOptions& o) {
    std::string command = o.quick ? "mtrec demo --quick" : "mtrec demo --paper";
    if (o.paper && !o.data.empty()) command += " --data " + o.data;
    command += " --db " + o.db;
    if (o.paper) {
        command += " --seeds ";
        for (std::size_t i = 0; i < o.seeds.size(); ++i)
            command += (i ? "," : "") + std::to_string(o.seeds[i]);
    }
    return command;
}

void runDemo(const DemoOptions& o) {
    const experiment::ProtocolPlan plan = planOf(o);
    if (o.dryRun) return printPlan(plan, o.db, std::cout);
    InterruptFlag interrupt;
    experiment::ProtocolRunOptions run;
    run.training.databasePath = o.db;
    run.training.threads = o.threads;
    applyTestHooks(run.training);
    const CancelToken cancel = CancelToken::watching(interrupt.flag());
    const std::string rerun = rerunCommand(o);
    if (o.progress == "jsonl") {
        JsonProgress json(std::cout);
        return reportJson(plan, experiment::runProtocol(plan, run, json.sink(), cancel), json,
                          rerun);
    }
    printPlanHeader(plan, o.db, std::cerr);
    DemoConsole console;
    console.report(plan, experiment::runProtocol(plan, run, console.sink(), cancel), o.db, rerun,
                   std::cout);
}

}  // namespace

void addDemoCommand(CLI::App& app) {
    auto options = std::make_shared<DemoOptions>();
    CLI::App* cmd = app.add_subcommand(
        "demo",
        "Run the quick demo or the paper protocol: every strategy, the untrained encoder "
        "and BM25, stored and compared");
    cmd->footer(
        "--quick trains mono, cross, hybrid and multitask on the bundled demo corpus (one seed; "
        "a few minutes on 2 cores). --paper trains every mlqa-*.json strategy on MLQA dev and "
        "evaluates zero-shot on XQuAD-R (and on MLQA-R when the training data does not hold its "
        "questions), each seed. Runs already finished in --db are skipped and unfinished ones "
        "resumed, so rerunning the command continues where it stopped. See docs/demo.md.");
    CLI::Option* quick = cmd->add_flag("--quick", options->quick, "The quick demo");
    CLI::Option* paper = cmd->add_flag("--paper", options->paper, "The paper protocol");
    quick->excludes(paper);
    cmd->add_option("--data", options->data,
                    "Datasets folder for --paper (default: ../shared/datasets beside the "
                    "repository)")
        ->needs(paper);
    cmd->add_option("--db", options->db, "Experiments database (created when missing)")
        ->capture_default_str();
    cmd->add_option("--seeds", options->seeds, "Seeds of --paper, e.g. 13,14,15")
        ->delimiter(',')
        ->needs(paper);
    cmd->add_option("--progress", options->progress,
                    "console: lines for people; jsonl: one JSON object a line on stdout")
        ->check(CLI::IsMember({"console", "jsonl"}))
        ->capture_default_str();
    cmd->add_option("--threads", options->threads,
                    "Intra-op threads (default: the configs' 'threads')")
        ->check(CLI::PositiveNumber);
    cmd->add_flag("--dry-run", options->dryRun,
                  "Print the plan and what the database already holds of it; run nothing");
    cmd->add_option("--test-steps", options->testSteps)->group("");
    cmd->add_option("--test-languages", options->testLanguages)->delimiter(',')->group("");
    cmd->callback([options, quick, paper] {
        if (quick->count() == 0 && paper->count() == 0)
            throw ExitError("demo: choose --quick or --paper");
        runDemo(*options);
    });
}

}  // namespace mtrec::cli
