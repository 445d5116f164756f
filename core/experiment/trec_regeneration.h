#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/cancel_token.h"
#include "common/progress.h"
#include "common/result.h"
#include "store/experiment_store.h"

namespace mtrec::experiment {

/// TREC run files of recorded runs. The store keeps metrics and per-query values, not rankings
/// (they would add about 100 MB per run), so the rankings are regenerated from what the store
/// holds: the run's stored config (suites, data folders, languages) and the model it evaluated —
/// a training run's evaluated model (loadEvaluatedModel over its RunFolder: the best-validation
/// model when its final checkpoint records a best validation loss, otherwise that final checkpoint)
/// with the run's tokenizer and its thread count; an evaluation run of `mtrec eval --db` (config
/// {"command": "eval", ...}): the named scorer (for "dense", the model folder it names).
/// Everything then goes through the evaluation engine (eval::evaluateSuite with its TREC export),
/// and the metrics it computes must reproduce the stored ones (to 1e-6), or nothing is written:
/// files that are not the evaluated rankings are worse than none.
struct TrecExportOptions {
    std::string outDir;       ///< created when absent
    std::size_t depth = 100;  ///< documents per query in the .run files; 0: the whole ranking
    int threads = 0;          ///< ranking (and BM25) threads; 0: every hardware thread
};

/// One run's exported folder.
struct TrecRunExport {
    std::int64_t runId = 0;
    std::string folder;              ///< outDir/<id>-<name>
    std::vector<std::string> files;  ///< every .run and .qrels written, sorted
};

/// The id written into a run's TREC lines: its name when that has no whitespace, else "mtrec-<id>".
std::string trecRunName(const store::RunRecord& run);

/// `<outDir>/<id>-<name>`, the name reduced to letters, digits, '.', '_' and '-'.
std::string trecRunFolder(const std::string& outDir, const store::RunRecord& run);

/// Writes, for each run, `<outDir>/<id>-<name>/<suite>/<qlang>-<pool>.run` and `.qrels` — the
/// layout and lines of `mtrec eval --trec` (eval/trec_export.h). Every run is checked first (known
/// id; finished; results stored; checkpoint, best model, tokenizer and data folders present), so a
/// missing piece of any run writes nothing; each run is then built in a hidden folder renamed into
/// place only when complete (replacing an earlier export of the run). Errors name the run and the
/// missing file or folder. A job: reports on the calling thread Regenerating as each run begins,
/// LoadingModel, Embedding and Ranking per suite (each of these with a line for people in
/// `message`, as `mtrec runs export` prints them) and Done; `cancel` is read at least once a batch
/// (an Error "cancelled", nothing of the run in progress left behind). An encoder run sets ATen's
/// thread count, which is process-wide: one torch job at a time per process.
Result<std::vector<TrecRunExport>> exportTrecRuns(store::ExperimentStore& store,
                                                  const std::vector<std::int64_t>& runIds,
                                                  const TrecExportOptions& options,
                                                  const ProgressSink& progress,
                                                  const CancelToken& cancel);

}  // namespace mtrec::experiment
