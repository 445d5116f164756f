#pragma once

#include <chrono>

namespace mtrec::eval {

/// Adds the seconds between its construction and its destruction to `seconds`.
class PhaseTimer {
public:
    explicit PhaseTimer(double& seconds) : seconds_(seconds) {}
    ~PhaseTimer() {
        seconds_ +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }
    PhaseTimer(const PhaseTimer&) = delete;
    PhaseTimer& operator=(const PhaseTimer&) = delete;

private:
    double& seconds_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace mtrec::eval
