#include "model/transformer_layer.h"

#include "model/dropout.h"

namespace mtrec::model {

TransformerLayerImpl::TransformerLayerImpl(const EncoderConfig& config)
    : preLayerNorm_(config.preLayerNorm), dropout_(config.dropout) {
    const int64_t hidden = config.hiddenSize;
    attention =
        register_module("attention", SelfAttention(hidden, config.heads, config.attentionDropout));
    attentionNorm = register_module("attention_norm", LayerNorm(hidden, config.layerNormEps));
    feedForward = register_module("feed_forward",
                                  FeedForward(hidden, config.intermediateSize, config.hiddenAct));
    outputNorm = register_module("output_norm", LayerNorm(hidden, config.layerNormEps));
}

at::Tensor TransformerLayerImpl::forward(const at::Tensor& x, const at::Tensor& keyBias) {
    const bool training = is_training();
    // Sublayer outputs come straight from a Linear, which saves no output for its backward, so
    // dropout and the residual add may work in place.
    if (preLayerNorm_) {
        at::Tensor a = attention->forward(attentionNorm->forward(x), keyBias);
        at::Tensor h = dropoutInPlace(a, dropout_, training).add_(x);
        at::Tensor f = feedForward->forward(outputNorm->forward(h));
        return dropoutInPlace(f, dropout_, training).add_(h);
    }
    at::Tensor a = attention->forward(x, keyBias);
    const at::Tensor h = attentionNorm->forward(dropoutInPlace(a, dropout_, training).add_(x));
    at::Tensor f = feedForward->forward(h);
    return outputNorm->forward(dropoutInPlace(f, dropout_, training).add_(h));
}

}  // namespace mtrec::model
