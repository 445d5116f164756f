#pragma once

#include <vector>

namespace mtrec::ui {

/// The exponential moving average TensorBoard draws over scalars: s_t = w·s_{t−1} + (1−w)·x_t with
/// s_0 = 0, divided by 1 − w^t so the first points are not pulled toward zero (so the first
/// smoothed value equals the first value). Non-finite values are returned as they are and leave the
/// state alone.
class EmaSmoother {
public:
    /// `weight` w is clamped to [0, 0.999]; 0 means no smoothing.
    explicit EmaSmoother(double weight = 0.6);

    double add(double value);
    void reset();
    double weight() const { return weight_; }

private:
    double weight_;
    double biased_ = 0.0;
    double weightPower_ = 1.0;  // w^t for the t finite values seen so far
};

/// The smoothed series of `values` (same length).
std::vector<double> emaSmooth(const std::vector<double>& values, double weight);

}  // namespace mtrec::ui
