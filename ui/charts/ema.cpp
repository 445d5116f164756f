#include "charts/ema.h"

#include <algorithm>
#include <cmath>

namespace mtrec::ui {

EmaSmoother::EmaSmoother(double weight) : weight_(std::clamp(weight, 0.0, 0.999)) {}

double EmaSmoother::add(double value) {
    if (!std::isfinite(value)) return value;
    biased_ = weight_ * biased_ + (1.0 - weight_) * value;
    weightPower_ *= weight_;
    return biased_ / (1.0 - weightPower_);
}

void EmaSmoother::reset() {
    biased_ = 0.0;
    weightPower_ = 1.0;
}

std::vector<double> emaSmooth(const std::vector<double>& values, double weight) {
    EmaSmoother smoother(weight);
    std::vector<double> smoothed;
    smoothed.reserve(values.size());
    for (double v : values) smoothed.push_back(smoother.add(v));
    return smoothed;
}

}  // namespace mtrec::ui
