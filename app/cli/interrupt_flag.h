#pragma once

#include <atomic>

namespace mtrec::cli {

/// Takes SIGINT and SIGTERM away from the computing threads: blocks both in the calling thread
/// (and so in every thread it starts later) and hands them to one watcher thread. Call it first
/// in main(), before any other thread exists.
///
/// Why no ordinary handler: oneDNN's JIT GEMM kernels (Debian 12 ships oneDNN 2.7) point the stack
/// pointer into a heap buffer while they run, and the kernel writes a signal's frame below the
/// stack pointer, i.e. into that heap. A Ctrl-C during training corrupted the heap about once in
/// twenty runs ("corrupted size vs. prev_size"); oneDNN fixed its kernels in 3.x (issue 4845).
void installInterruptWatcher();

/// While alive, the first Ctrl-C (SIGINT) or SIGTERM sets flag() instead of ending the process, so
/// a training run can stop cleanly (checkpoint, run marked cancelled); a second one ends the
/// process the default way, as does any signal when no InterruptFlag is alive. One at a time per
/// process; needs installInterruptWatcher().
class InterruptFlag {
public:
    InterruptFlag();
    ~InterruptFlag();
    InterruptFlag(const InterruptFlag&) = delete;
    InterruptFlag& operator=(const InterruptFlag&) = delete;

    const std::atomic<bool>& flag() const;
};

}  // namespace mtrec::cli
