#pragma once

#include <cstdint>

#include <ATen/core/Tensor.h>

namespace mtrec::model {

/// Multi-head scaled dot-product attention on a fused projection, differentiable in `qkv`.
///
/// `qkv`: float32 [batch, seq, 3·hidden], contiguous, the columns being [query | key | value] and
/// head h owning columns h·headDim … (h+1)·headDim−1 of each (Hugging Face's head layout).
/// `keyBias`: float32 [batch, seq], added to every score of that key (0 for a real token, a large
/// negative such as kMaskedKeyBias for padding; finite, so a row whose keys are all masked gives
/// a uniform average instead of NaN). Scores are scaled by 1/sqrt(headDim); when `training` and
/// dropoutP > 0 the attention probabilities are dropped out (model::dropoutMask).
/// Returns the context, float32 [batch, seq, hidden], heads concatenated.
///
/// Every per-(row, head) product is one oneDNN GEMM reading q, k and v in place (strided, no
/// permute copies); the backward writes the query, key and value gradients straight into one
/// [batch, seq, 3·hidden] gradient.
at::Tensor attention(const at::Tensor& qkv, const at::Tensor& keyBias, int64_t heads,
                     double dropoutP, bool training);

/// The bias of a padded key: large enough to vanish in a softmax, small enough to stay finite.
constexpr float kMaskedKeyBias = -1.0e9f;

/// keyBias for `mask` [batch, seq] (nonzero = real token): 0 or kMaskedKeyBias, float32.
at::Tensor keyBiasFromMask(const at::Tensor& mask);

}  // namespace mtrec::model
