#pragma once

#include <QStringList>
#include <string>

#include "store/run_record.h"

namespace mtrec::store {
class ExperimentStore;
}

namespace mtrec::ui {

/// The languages a run was trained on (experiment::trainingLanguages: its config's training
/// languages, or else those of the pairs its telemetry logged), as the CLI's seen/unseen summaries
/// take them. Empty for runs that trained nothing (`mtrec eval` runs, configs of zero steps or that
/// do not parse) and when the store cannot be read.
QStringList trainingLanguages(store::ExperimentStore& store, const store::RunRecord& run);

/// The data folder the run evaluated `suite` from, as its stored config records it: the
/// evaluation entry of that suite, or of the "mtrec" suite that holds it; an `mtrec eval` run's
/// "data". Absolute for runs stored by this version; empty when the config records none.
std::string suiteDataFolder(const store::RunRecord& run, const std::string& suite);

}  // namespace mtrec::ui
