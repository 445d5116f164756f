#include "common/progress_throttle.h"

#include <utility>

namespace mtrec {

ProgressThrottle::ProgressThrottle(ProgressSink sink, std::chrono::milliseconds interval,
                                   Clock clock)
    : sink_(std::move(sink)), interval_(interval), clock_(std::move(clock)) {}

bool ProgressThrottle::mustDeliver(const std::optional<Progress>& previous, const Progress& next) {
    if (!previous) return true;
    return next.phase != previous->phase || next.suite != previous->suite ||
           next.runId != previous->runId || next.validationLoss.has_value() ||
           !next.checkpoint.empty() || !next.message.empty() || next.phase == Phase::Done;
}

void ProgressThrottle::operator()(const Progress& progress) {
    const bool must = mustDeliver(previous_, progress);
    previous_ = progress;
    const auto now = clock_();
    if (must) {
        flush();
    } else if (lastDelivery_ && now - *lastDelivery_ < interval_) {
        held_ = progress;
        return;
    }
    held_.reset();
    lastDelivery_ = now;
    deliver(progress);
}

void ProgressThrottle::flush() {
    if (!held_) return;
    const Progress held = std::move(*held_);
    held_.reset();
    deliver(held);
}

void ProgressThrottle::deliver(const Progress& progress) {
    if (sink_) sink_(progress);
}

}  // namespace mtrec
