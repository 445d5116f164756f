#pragma once

#include <ostream>

namespace CLI {
class App;
}

namespace mtrec::cli {

/// Adds `runs` to `app`: list, show, compare, export, tag, note and delete over an experiments
/// database (--db, default ./experiments.db, never created by these commands). Results are printed
/// to `out`. Bad input (unknown id, missing or unreadable database, bad format) throws
/// cli::ExitError with one message from the callback (main prints it and exits 1); bad arguments
/// are CLI11 parse errors. The callbacks keep a reference to `out`, which must outlive parsing.
void addRunsCommand(CLI::App& app, std::ostream& out);
/// The same, printing to std::cout.
void addRunsCommand(CLI::App& app);

}  // namespace mtrec::cli
