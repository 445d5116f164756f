#pragma once

#include "experiment/training_run.h"

namespace mtrec::cli {

/// Fills the test hooks of a training run from the environment, so the crash and failure tests can
/// drive the `mtrec` process they start (and kill): MTREC_TEST_PAUSE_AT=<point>[:<n>] with
/// MTREC_TEST_PAUSE_MARKER=<file> (common/pause_point.h), MTREC_TEST_NAN_AT_STEP=<n> (that step's
/// loss becomes NaN). Unset variables leave the options as they are.
void applyTestHooks(experiment::TrainingRunOptions& options);

/// The pause points of MTREC_TEST_PAUSE_AT / MTREC_TEST_PAUSE_MARKER (never pausing when unset).
PausePoints testPausePoints();

}  // namespace mtrec::cli
