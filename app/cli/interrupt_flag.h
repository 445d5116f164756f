#pragma once

#include <atomic>

namespace mtrec::cli {

/// While alive, Ctrl-C (SIGINT) and SIGTERM set flag() instead of ending the process, so a training
/// run can stop cleanly (checkpoint, run marked cancelled); a second signal ends the process the
/// default way. The destructor restores the previous handlers. One at a time per process.
class InterruptFlag {
public:
    InterruptFlag();
    ~InterruptFlag();
    InterruptFlag(const InterruptFlag&) = delete;
    InterruptFlag& operator=(const InterruptFlag&) = delete;

    const std::atomic<bool>& flag() const;
};

}  // namespace mtrec::cli
