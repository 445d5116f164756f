#pragma once

#include <memory>
#include <string>

namespace mtrec {

/// A crash-test hook passed to a job through its options: at the `occurrence`-th time the job
/// reaches the named point, it writes the process id into `marker` (when set; the file appears
/// complete) and then sleeps until the process is killed, so a test can SIGKILL it at exactly that
/// place. The points: "step", "metric-write", "checkpoint-write", "checkpoint-latest",
/// "checkpoint-save", "evaluation" (docs/training-runs.md says where each is). The CLI fills one
/// from MTREC_TEST_PAUSE_AT / MTREC_TEST_PAUSE_MARKER; core never reads the environment.
///
/// Copies share the count of points reached; thread-safe. A default PausePoints never pauses.
class PausePoints {
public:
    PausePoints() = default;
    /// `request` is "<point>" or "<point>:<n>" (n = 1 when absent); empty: never pauses.
    PausePoints(const std::string& request, std::string marker);

    /// Pauses for good when this is the requested occurrence of `point`; otherwise returns.
    void reach(const char* point) const;
    /// True when `point` is the one requested (at any count): callers install costly hooks (an
    /// SQLite update hook) only then.
    bool requested(const char* point) const;

private:
    struct State;
    std::shared_ptr<State> state_;
};

}  // namespace mtrec
