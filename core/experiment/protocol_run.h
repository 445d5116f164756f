#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "common/cancel_token.h"
#include "common/progress.h"
#include "common/result.h"
#include "experiment/protocol_plan.h"
#include "experiment/training_run.h"
#include "report/protocol_table.h"
#include "store/run_repository.h"

namespace mtrec::experiment {

struct ProtocolRunOptions {
    /// The database, the base folder, the thread count and the test hooks of every training run
    /// (outputDir must stay empty: each run gets its own runs/<id>-<name>/ folder). BM25 writes
    /// its CSV files to runs/bm25-<suite>/ under baseDir.
    TrainingRunOptions training;
};

/// What the protocol did with one planned run.
enum class PlannedRunAction {
    NotReached,       ///< the protocol stopped (cancelled) before it
    AlreadyFinished,  ///< the store held it finished: skipped
    Resumed,          ///< the store held it unfinished: resumed from its checkpoint
    Started,          ///< a new run
};

struct ProtocolOutcome {
    std::vector<std::int64_t> runIds;       ///< parallel to the plan's runs; 0 where none exists
    std::vector<PlannedRunAction> actions;  ///< parallel to the plan's runs
    bool cancelled = false;  ///< stopped through the token; the run under way ended cancelled

    /// How many planned runs ended with `action`.
    std::size_t count(PlannedRunAction action) const;
};

/// The stored run that is `planned`: same name, seed and config (a trained run's config as it
/// stores it, the thread count aside; BM25's suite, folder and languages). Of several, the newest
/// finished one, else the newest unfinished one; nullopt when none.
Result<std::optional<store::RunRecord>> findPlannedRun(store::RunRepository& runs,
                                                       const PlannedRun& planned);

/// Runs a plan against the store, one run after another, a job with the usual contract: every
/// report of the run under way goes to `progress`, stamped with runIndex (1-based) and runCount;
/// each run begins with a Preparing report whose message is "run 3 of 6: demo-hybrid, seed 13"
/// (and "already finished as run N" when it is skipped); Done last. A planned run found finished
/// in the store is skipped, one found unfinished (interrupted, cancelled, failed, queued) is
/// resumed from its checkpoint (resumeTrainingRun), any other starts; so rerunning a plan goes on
/// where it stopped. Cancelled through `cancel`, the run under way ends cancelled (a training
/// keeps its checkpoint) and the outcome says so. A run that fails, or one another process is
/// running, ends the protocol with an Error naming it ("run 3 of 6 (demo-hybrid, seed 13): ...").
Result<ProtocolOutcome> runProtocol(const ProtocolPlan& plan, const ProtocolRunOptions& options,
                                    const ProgressSink& progress, const CancelToken& cancel);

/// The rows of the protocol's comparison (report::protocolTable): one per planned name, in plan
/// order, holding the ids of its runs that exist (its seeds); names with no run are left out.
std::vector<report::ProtocolTableRow> comparisonRows(const ProtocolPlan& plan,
                                                     const ProtocolOutcome& outcome);

}  // namespace mtrec::experiment
