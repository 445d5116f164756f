#include "train/gradient_sync.h"

#include <chrono>
#include <stdexcept>

#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>

#include "train/collective.h"

namespace mtrec::train {

GradientSync::GradientSync(std::vector<at::Tensor> parameters, Collective& collective,
                           std::size_t bucketBytes)
    : parameters_(std::move(parameters)), collective_(collective) {
    slots_.resize(parameters_.size());
    std::vector<std::int64_t> elements;  // per bucket
    for (std::size_t i = parameters_.size(); i-- > 0;) {
        const at::Tensor& parameter = parameters_[i];
        if (parameter.scalar_type() != at::kFloat)
            throw std::invalid_argument("GradientSync: only float32 parameters are summed");
        const bool full = !elements.empty() && static_cast<std::size_t>(elements.back()) *
                                                       sizeof(float) >= bucketBytes;
        if (elements.empty() || full) {
            buckets_.emplace_back();
            elements.push_back(0);
        }
        slots_[i] = {buckets_.size() - 1, elements.back(), false};
        buckets_.back().parameters.push_back(i);
        elements.back() += parameter.numel();
    }
    for (std::size_t b = 0; b < buckets_.size(); ++b)
        buckets_[b].flat = at::empty({elements[b]}, at::kFloat);
    for (std::size_t i = 0; i < parameters_.size(); ++i)
        hooks_.push_back(parameters_[i].register_hook(
            [this, i](const at::Tensor& grad) { onGradient(i, grad); }));
}

GradientSync::~GradientSync() {
    for (std::size_t i = 0; i < hooks_.size(); ++i) parameters_[i].remove_hook(hooks_[i]);
}

at::Tensor GradientSync::sliceOf(std::size_t parameter) {
    const Slot& slot = slots_[parameter];
    return buckets_[slot.bucket].flat.narrow(0, slot.offset, parameters_[parameter].numel());
}

void GradientSync::prepare() {
    for (Bucket& bucket : buckets_) {
        bucket.ready = 0;
        bucket.pending.reset();
    }
    for (Slot& slot : slots_) slot.ready = false;
    nextToLaunch_ = 0;
}

void GradientSync::onGradient(std::size_t parameter, const at::Tensor& grad) {
    Slot& slot = slots_[parameter];
    if (slot.ready) throw std::logic_error("GradientSync: two gradients for one parameter");
    sliceOf(parameter).copy_(grad.reshape({-1}));
    slot.ready = true;
    ++buckets_[slot.bucket].ready;
    launchReadyBuckets();
}

/// Starts the buckets that are full, in bucket order (every rank issues the same sequence).
void GradientSync::launchReadyBuckets() {
    while (nextToLaunch_ < buckets_.size() &&
           buckets_[nextToLaunch_].ready == buckets_[nextToLaunch_].parameters.size()) {
        Bucket& bucket = buckets_[nextToLaunch_++];
        bucket.pending = collective_.startSum(bucket.flat);
    }
}

void GradientSync::finish() {
    at::NoGradGuard noGrad;
    for (std::size_t i = 0; i < parameters_.size(); ++i)
        if (!slots_[i].ready) {
            sliceOf(i).zero_();
            slots_[i].ready = true;
            ++buckets_[slots_[i].bucket].ready;
        }
    launchReadyBuckets();
    const auto start = std::chrono::steady_clock::now();
    for (Bucket& bucket : buckets_) bucket.pending->wait();
    lastWaitSeconds_ =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (std::size_t i = 0; i < parameters_.size(); ++i)
        parameters_[i].mutable_grad() = sliceOf(i).view(parameters_[i].sizes());
}

}  // namespace mtrec::train
