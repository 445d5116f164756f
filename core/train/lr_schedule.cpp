#include "train/lr_schedule.h"

#include <stdexcept>
#include <string>

namespace mtrec::train {

LinearSchedule::LinearSchedule(double peak, std::size_t warmupSteps, std::size_t totalSteps)
    : peak_(peak), warmup_(warmupSteps), total_(totalSteps) {
    if (!(peak >= 0.0)) throw std::invalid_argument("LinearSchedule: the peak rate must be >= 0");
}

double LinearSchedule::at(std::size_t step) const {
    if (step == 0 || step > total_)
        throw std::out_of_range("LinearSchedule: step " + std::to_string(step) + " outside 1.." +
                                std::to_string(total_));
    if (step <= warmup_) return peak_ * static_cast<double>(step) / static_cast<double>(warmup_);
    return peak_ * static_cast<double>(total_ - step + 1) / static_cast<double>(total_ - warmup_);
}

}  // namespace mtrec::train
