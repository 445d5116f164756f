#pragma once

#include <cstddef>

namespace mtrec::train {

/// The learning rate of each optimizer step: linear warm-up, then linear decay to 0.
///
/// For the 1-based step t of T steps with W warm-up steps and peak rate η:
///   t <= W:  η · t / W                 (the first step already moves: η / W, step W reaches η)
///   t >  W:  η · (T − t + 1) / (T − W)  (step W + 1 runs at η, step T at η / (T − W))
/// so the rate would reach 0 at step T + 1: no step is spent at rate 0. W >= T means the whole
/// run warms up (η · t / W); T = 0 (an untrained baseline) has no step to ask about. Pure value
/// type; thread-safe.
class LinearSchedule {
public:
    /// Throws std::invalid_argument when peak < 0.
    LinearSchedule(double peak, std::size_t warmupSteps, std::size_t totalSteps);

    /// The rate of 1-based step `step`; throws std::out_of_range for 0 or > totalSteps.
    double at(std::size_t step) const;

    double peak() const { return peak_; }
    std::size_t warmupSteps() const { return warmup_; }
    std::size_t totalSteps() const { return total_; }

private:
    double peak_;
    std::size_t warmup_;
    std::size_t total_;
};

}  // namespace mtrec::train
