#pragma once

#include <ATen/core/Tensor.h>

namespace mtrec::model {

/// The exact GELU, x·Φ(x), for float32 x; differentiable. Under autograd the forward writes the
/// derivative Φ(x) + x·φ(x) in the same pass (one exp shared by erf and φ) and keeps it instead
/// of x, so the backward is one multiply. erf is Abramowitz & Stegun 7.1.26, as in ATen's
/// vectorised CPU kernel: within 4e-7 of at::gelu in value and gradient.
at::Tensor gelu(const at::Tensor& x);

}  // namespace mtrec::model
