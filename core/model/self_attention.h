#pragma once

#include <cstdint>

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "model/linear.h"

namespace mtrec::model {

/// Multi-head self-attention with one fused query/key/value projection: submodules "qkv"
/// (Linear hidden → 3·hidden, rows [query; key; value]) and "output" (Linear hidden → hidden).
/// A Hugging Face checkpoint's separate query/key/value weights are concatenated into qkv.
/// Dropout on the attention probabilities only; the caller drops out the output.
class SelfAttentionImpl : public torch::nn::Module {
public:
    SelfAttentionImpl(int64_t hidden, int64_t heads, double attentionDropout);

    /// x: float32 [batch, seq, hidden]; keyBias: float32 [batch, seq] (attention_kernel.h).
    /// Returns [batch, seq, hidden], before dropout and residual.
    at::Tensor forward(const at::Tensor& x, const at::Tensor& keyBias);

    Linear qkv{nullptr};
    Linear output{nullptr};

private:
    int64_t heads_;
    double attentionDropout_;
};

TORCH_MODULE(SelfAttention);

}  // namespace mtrec::model
