#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/experiment_store.h"

namespace mtrec::experiment {

/// TREC run files of recorded runs. The store keeps metrics and per-query values, not rankings
/// (they would add about 100 MB per run), so the rankings are regenerated from what the store
/// holds: the run's stored config (suites, data folders, languages) and the model it evaluated —
/// a training run's best-validation model (`<checkpoints>/best`) when its final checkpoint records
/// a best validation loss, otherwise that final checkpoint (RunRecord::checkpointPath), with the
/// run's tokenizer (`<output>/tokenizer.model` or `tokenizer.path`) and its thread count; an
/// evaluation run of `mtrec eval --db` (config {"command": "eval", ...}): the named scorer.
/// Everything then goes through the evaluation engine (eval::evaluateSuite with its TREC export),
/// and the metrics it computes must reproduce the stored ones (to 1e-6), or nothing is written:
/// files that are not the evaluated rankings are worse than none.
struct TrecExportOptions {
    std::string outDir;       ///< created when absent
    std::size_t depth = 100;  ///< documents per query in the .run files; 0: the whole ranking
    int threads = 0;          ///< ranking (and BM25) threads; 0: every hardware thread
    /// Called on the calling thread as each run begins and each suite is regenerated.
    std::function<void(const std::string& message)> progress;
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
/// missing file or folder. Runs on the calling thread; an encoder run sets ATen's thread count.
Result<std::vector<TrecRunExport>> exportTrecRuns(store::ExperimentStore& store,
                                                  const std::vector<std::int64_t>& runIds,
                                                  const TrecExportOptions& options);

}  // namespace mtrec::experiment
