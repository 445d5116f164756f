#pragma once

#include <cstddef>
#include <functional>

namespace mtrec::eval {

/// Runs body(begin, end) over [0, count) in blocks of `grain` items, on `threads` threads (the
/// calling thread included; < 1 counts as 1). Blocks are handed out dynamically, so `body` must
/// write only to per-item slots for results to be deterministic. The first exception thrown by a
/// body is rethrown on the calling thread after every thread has stopped.
void parallelFor(std::size_t count, int threads, std::size_t grain,
                 const std::function<void(std::size_t begin, std::size_t end)>& body);

}  // namespace mtrec::eval
