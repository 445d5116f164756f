#pragma once

#include <chrono>
#include <functional>
#include <optional>

#include "common/progress.h"

namespace mtrec {

/// Thins a job's reports for a viewer: passes at most one report per `interval` (100 ms: ~10 a
/// second) to `sink`, and never drops a report that must arrive: a phase change (or a change of
/// suite or run), a validation result, a checkpoint, a note, and the end (Phase::Done). Before such
/// a report it first delivers the newest report it held back, so the viewer also sees where the
/// previous phase ended (the last training step, "ranking 12/12"). A held-back report is delivered
/// only by a later report or flush() (there is no timer thread).
///
/// Qt-free and not thread-safe: call it on the job's thread, as the job calls a ProgressSink; it
/// calls `sink` on that same thread. Use it as the job's sink: `ProgressSink(std::ref(throttle))`
/// or a lambda that calls it.
class ProgressThrottle {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    explicit ProgressThrottle(ProgressSink sink,
                              std::chrono::milliseconds interval = std::chrono::milliseconds(100),
                              Clock clock = &std::chrono::steady_clock::now);

    void operator()(const Progress& progress);
    /// Delivers the report held back, if any.
    void flush();

    /// True when `next` must reach the viewer whatever the time: see the class comment. `previous`
    /// is the report before it (none: `next` is the first).
    static bool mustDeliver(const std::optional<Progress>& previous, const Progress& next);

private:
    void deliver(const Progress& progress);

    ProgressSink sink_;
    std::chrono::milliseconds interval_;
    Clock clock_;
    std::optional<std::chrono::steady_clock::time_point> lastDelivery_;
    std::optional<Progress> previous_;  ///< the last report received
    std::optional<Progress> held_;      ///< the newest report not delivered
};

}  // namespace mtrec
