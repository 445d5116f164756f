#include <csignal>
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/demo_command.h"
#include "cli/eval_command.h"
#include "cli/exit_error.h"
#include "cli/interrupt_flag.h"
#include "cli/resume_command.h"
#include "cli/runs_command.h"
#include "cli/sweep_command.h"
#include "cli/train_command.h"
#include "common/heap_reuse.h"

int main(int argc, char** argv) {
    mtrec::cli::installInterruptWatcher();  // before any thread starts
    mtrec::keepFreedMemoryForReuse();
    // Over a file-size limit (ulimit -f) a write then fails with EFBIG, and the run records that
    // failure, instead of the process being killed by SIGXFSZ mid-write with its run left running.
    std::signal(SIGXFSZ, SIG_IGN);
    CLI::App app{"mTREC Workbench: train and evaluate multilingual dual-encoder retrievers", "mtrec"};
    app.set_version_flag("--version", std::string("mtrec ") + MTREC_VERSION);
    app.require_subcommand(1);
    mtrec::cli::addEvalCommand(app);
    mtrec::cli::addRunsCommand(app);
    mtrec::cli::addResumeCommand(*app.get_subcommand("runs"));
    mtrec::cli::addTrainCommand(app);
    mtrec::cli::addDemoCommand(app);
    mtrec::cli::addSweepCommand(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const mtrec::cli::ExitError& e) {
        std::cerr << "mtrec: " << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "mtrec: internal error: " << e.what() << '\n';
        return 2;
    }
    return 0;
}
