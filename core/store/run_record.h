#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eval/suite_evaluation.h"
#include "store/suite_contamination.h"

namespace mtrec::store {

/// A run's life: queued -> running -> finished | failed | cancelled; a running run whose process
/// died becomes interrupted. An interrupted, failed or cancelled run may be started again (resumed
/// from its checkpoint); a finished one may not. A queued run may be cancelled.
enum class RunStatus { Queued, Running, Finished, Failed, Cancelled, Interrupted };

std::string_view statusName(RunStatus status);  ///< "queued", "running", ... as stored.
/// The inverse of statusName; nullopt for any other text.
std::optional<RunStatus> statusFromName(std::string_view name);

/// One row of the runs table (plus its tags and contaminated suites). Times are milliseconds since
/// the Unix epoch (UTC).
struct RunRecord {
    std::int64_t id = 0;
    std::optional<std::int64_t> experimentId;
    std::string name;
    std::string configJson;  ///< The full experiment config the run was made from.
    std::string strategy;    ///< "mono", "cross", "hybrid", "multitask", "mixed", "bm25", ...
    std::int64_t seed = 0;
    RunStatus status = RunStatus::Queued;
    std::int64_t createdAtMs = 0;
    std::optional<std::int64_t> startedAtMs;
    std::optional<std::int64_t> finishedAtMs;
    std::optional<std::int64_t> heartbeatAtMs;
    std::optional<std::int64_t> pid;       ///< Of the process that runs (or last ran) it.
    std::optional<std::string> hostname;   ///< Of that process.
    std::optional<std::string> errorText;  ///< Why it failed or was interrupted.
    std::optional<std::string> checkpointPath;
    std::string codeVersion;
    std::vector<std::string> tags;  ///< Sorted.
    /// The suites it evaluated on data shared with its training data, sorted by suite.
    std::vector<SuiteContamination> contaminated;
};

/// What a new run is made from; it starts queued.
struct NewRun {
    std::string name;
    std::string configJson = "{}";
    std::string strategy;
    std::int64_t seed = 0;
    std::optional<std::int64_t> experimentId;
    std::string codeVersion;  ///< Defaults to the program's version when empty.
};

/// One summary value of a setting (Mo/Cr/Mul) of a suite, for run lists.
struct SettingValue {
    std::string suite;
    eval::Setting setting = eval::Setting::Mo;
    double value = 0.0;
};

/// A run as a list shows it: the record and its setting summaries for one metric.
struct RunListing {
    RunRecord run;
    std::vector<SettingValue> summary;  ///< Ordered by suite, then Mo, Cr, Mul.
};

struct Note {
    std::int64_t id = 0;
    std::int64_t runId = 0;
    std::string text;
    std::int64_t createdAtMs = 0;
};

struct ExperimentRecord {
    std::int64_t id = 0;
    std::string name;
    std::string description;
    std::string configJson;
    std::int64_t createdAtMs = 0;
};

}  // namespace mtrec::store
