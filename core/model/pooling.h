#pragma once

#include <ATen/core/Tensor.h>

#include "model/encoder_config.h"

namespace mtrec::model {

/// Mean of hidden [batch, seq, dim] over the positions where mask [batch, seq] is nonzero →
/// [batch, dim]. A row with no real token gives zeros (its count is clamped to 1). Padding
/// values never reach the result, whatever they hold (NaN excepted).
at::Tensor meanPool(const at::Tensor& hidden, const at::Tensor& mask);

/// The first position's hidden state: [batch, seq, dim] → [batch, dim].
at::Tensor clsPool(const at::Tensor& hidden);

at::Tensor pool(const at::Tensor& hidden, const at::Tensor& mask, Pooling pooling);

}  // namespace mtrec::model
