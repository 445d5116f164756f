#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/exit_error.h"
#include "common/result.h"
#include "store/experiment_store.h"

namespace mtrec::cli::runs {

/// Everything the `runs` subcommands parse into; owned by the callbacks (shared_ptr).
struct RunsOptions {
    std::string db = store::kDefaultDatabaseName;
    std::string format = "table";
    std::string sort = "id";
    bool descending = false;
    std::string status, tag, suite;
    std::string metric = "map";
    std::int64_t runId = 0;
    std::vector<std::int64_t> runIds;
    std::string text;
    bool remove = false;
    std::string outDir;
    std::size_t permutations = 10000;
    std::uint64_t seed = 42;
    bool seedGroups = false;
    bool compare = false;
    std::string depth = "100";  ///< export --format trec: documents per query, N or "all"
    std::vector<std::string> sources;  ///< merge: the databases to import
    std::string into;                  ///< merge: the target database (created when missing)
    bool withUnfinished = false;       ///< merge: also failed, cancelled and interrupted runs
    bool skipDuplicates = false;       ///< merge: skip runs already in the target
};

/// Ends the command with `message` (main prints it and exits 1).
[[noreturn]] inline void fail(const std::string& message) {
    throw ExitError(message);
}

template <typename T>
T unwrap(Result<T> result) {
    if (!result) fail(result.error().message);
    return std::move(result).value();
}

inline void check(const Status& status) {
    if (!status) fail(status.error().message);
}

/// The database of --db, read-only unless `write`; never created.
store::ExperimentStore openStore(const RunsOptions& o, bool write);
/// "2024-05-01 12:00:00Z" (UTC), or "-" when absent.
std::string formatTime(const std::optional<std::int64_t>& ms);
/// The measure named by --metric; an unknown name ends the command listing the choices.
store::Measure metricOf(const RunsOptions& o);

// The subcommands, each printing to `out` (runs_read.cpp, runs_compare.cpp; tag, note and delete in
// runs_common.cpp).
void runList(const RunsOptions& o, std::ostream& out);
void runShow(const RunsOptions& o, std::ostream& out);
void runCompare(const RunsOptions& o, std::ostream& out);
void runExport(const RunsOptions& o, std::ostream& out);
void runTag(const RunsOptions& o, std::ostream& out);
void runNote(const RunsOptions& o, std::ostream& out);
void runDelete(const RunsOptions& o, std::ostream& out);
void runMerge(const RunsOptions& o, std::ostream& out);  // runs_merge.cpp

}  // namespace mtrec::cli::runs
