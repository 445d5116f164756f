#pragma once

#include <algorithm>
#include <thread>

namespace mtrec {

/// The thread count an option asks for: `requested` when positive, else one per core (at least 1).
inline int threadCountOrAllCores(int requested) {
    if (requested > 0) return requested;
    return static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
}

}  // namespace mtrec
