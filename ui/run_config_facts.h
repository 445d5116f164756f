#pragma once

#include <QStringList>
#include <string>

#include "store/run_record.h"

namespace mtrec::ui {

/// The languages a run was trained on, from its stored config: the config's training languages,
/// or, when it names none, every language its training data offers (offeredLanguages: reads the
/// data files). Empty for runs that trained nothing: `mtrec eval` runs (BM25, a dense model
/// evaluated as it is), configs of zero steps, and configs that do not parse.
QStringList trainingLanguages(const store::RunRecord& run);

/// The data folder the run evaluated `suite` from, as its stored config records it: the
/// evaluation entry of that suite, or of the "mtrec" suite that holds it; an `mtrec eval` run's
/// "data". Absolute for runs stored by this version; empty when the config records none.
std::string suiteDataFolder(const store::RunRecord& run, const std::string& suite);

}  // namespace mtrec::ui
