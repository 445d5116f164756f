#pragma once

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "model/encoder_config.h"
#include "model/feed_forward.h"
#include "model/layer_norm.h"
#include "model/self_attention.h"

namespace mtrec::model {

/// One encoder layer: submodules "attention", "attention_norm", "feed_forward", "output_norm".
///   post-LN (BERT/XLM-R): x = LN₁(x + drop(attn(x)));      x = LN₂(x + drop(ffn(x)))
///   pre-LN (from scratch): x = x + drop(attn(LN₁(x)));      x = x + drop(ffn(LN₂(x)))
/// Dropout probability config.dropout, skipped (no random draw) in eval mode or when 0.
class TransformerLayerImpl : public torch::nn::Module {
public:
    explicit TransformerLayerImpl(const EncoderConfig& config);

    /// x: float32 [batch, seq, hidden]; keyBias: float32 [batch, seq]. Returns the same shape.
    at::Tensor forward(const at::Tensor& x, const at::Tensor& keyBias);

    SelfAttention attention{nullptr};
    LayerNorm attentionNorm{nullptr};
    FeedForward feedForward{nullptr};
    LayerNorm outputNorm{nullptr};

private:
    bool preLayerNorm_;
    double dropout_;
};

TORCH_MODULE(TransformerLayer);

}  // namespace mtrec::model
