#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "report/seen_unseen_table.h"
#include "store/experiment_store.h"

namespace mtrec::experiment {

/// The languages a stored run trained on: the "seen" languages of its seen/unseen summaries and the
/// ones its heatmaps draw first. Its config's data.languages; when the config names none, the
/// languages (query and passage side) of the pairs its batch telemetry logged. Empty for a run that
/// trained nothing: an `mtrec eval` run (BM25, a model evaluated as it is), a config of zero steps,
/// a config that does not parse. Sorted and unique. Errors are the store's.
Result<std::vector<std::string>> trainingLanguages(const store::RunRecord& run,
                                                   store::TrainingLog& log);

/// trainingLanguages of each run, by id (the runs without any are left out).
Result<report::TrainingLanguagesByRun> trainingLanguagesByRun(
    store::ExperimentStore& store, const std::vector<store::RunRecord>& runs);

}  // namespace mtrec::experiment
