#include "cli/test_hooks.h"

#include <cstdlib>
#include <string>

namespace mtrec::cli {
namespace {

std::string variable(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

}  // namespace

PausePoints testPausePoints() {
    const std::string at = variable("MTREC_TEST_PAUSE_AT");
    return at.empty() ? PausePoints() : PausePoints(at, variable("MTREC_TEST_PAUSE_MARKER"));
}

void applyTestHooks(experiment::TrainingRunOptions& options) {
    if (!variable("MTREC_TEST_PAUSE_AT").empty()) options.pausePoints = testPausePoints();
    if (const std::string step = variable("MTREC_TEST_NAN_AT_STEP"); !step.empty())
        options.nanLossAtStep = std::strtoull(step.c_str(), nullptr, 10);
}

}  // namespace mtrec::cli
