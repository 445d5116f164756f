#pragma once

#include <functional>

namespace mtrec::bench {

/// Runs `work` under the autograd profiler (CPU events of every ATen op and of the record scopes
/// the training step opens: forward_loss, backward, clip_grad_norm, adamw_step) and prints the
/// operators by self CPU time, then the scopes by total time. For finding what a step spends its
/// time on; the profiler itself adds a little to every op.
void printStepProfile(const std::function<void()>& work, int top);

}  // namespace mtrec::bench
