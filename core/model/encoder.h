#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <torch/nn/module.h>

#include "common/result.h"
#include "model/encoder_config.h"

namespace mtrec::model {

class EmbeddingsImpl;
class LayerNormImpl;
class TransformerLayerImpl;

/// The dual encoder's tower: embeddings, `config.layers` transformer layers, pooling. One class
/// serves the from-scratch encoder and the XLM-R / BERT architectures (EncoderConfig says which).
///
/// Inputs: `ids` int64 [batch, seq] on the module's device; `mask` [batch, seq] of any integer,
/// bool or float type, nonzero on real tokens (text::TensorBatch gives both). Padding may sit
/// anywhere, but every row should hold at least one real token (a row with none pools to zeros).
///
/// Registered submodule names are the checkpoint format (encoder_checkpoint.h): "embeddings"
/// (word_embeddings, position_embeddings, [token_type_embeddings], LayerNorm), "layer" (a
/// ModuleList of TransformerLayer: attention.qkv, attention.output, attention_norm,
/// feed_forward.intermediate, feed_forward.output, output_norm) and, pre-LN only, "final_norm".
///
/// Not thread-safe for concurrent forward() in training mode (dropout draws from the global
/// generator); in eval mode concurrent forward() calls are safe.
class EncoderImpl : public torch::nn::Module {
public:
    /// Builds the modules with every weight zero (and no draw from the global generator), ready
    /// for a checkpoint load; createEncoder() initialises them like BERT for a seed instead.
    /// Throws std::invalid_argument on an invalid config.
    explicit EncoderImpl(EncoderConfig config);

    /// Pooled embeddings, float32 [batch, hidden], NOT normalised (the loss normalises).
    at::Tensor forward(const at::Tensor& ids, const at::Tensor& mask);

    /// The last hidden states, float32 [batch, seq, hidden] (after the final LayerNorm for pre-LN).
    at::Tensor hiddenStates(const at::Tensor& ids, const at::Tensor& mask);

    /// Pools hidden states [batch, seq, hidden] with this encoder's pooling and `mask`.
    at::Tensor pool(const at::Tensor& hidden, const at::Tensor& mask) const;

    /// BERT-style initialisation: every linear and embedding weight ~ N(0, 0.02), biases 0,
    /// LayerNorm weight 1 and bias 0, the pad row of the word embeddings 0. Deterministic for
    /// `seed`; does not touch the global generator's state.
    void initialiseWeights(uint64_t seed);

    const EncoderConfig& config() const { return config_; }

private:
    EncoderConfig config_;
    std::shared_ptr<EmbeddingsImpl> embeddings_;
    std::vector<std::shared_ptr<TransformerLayerImpl>> layers_;  // registered in a ModuleList
    std::shared_ptr<LayerNormImpl> finalNorm_;                   // pre-LN only, else null
};

using Encoder = std::shared_ptr<EncoderImpl>;

/// A new encoder for `config`, initialised deterministically for `seed` (initialiseWeights).
/// Fails with every problem validate() finds.
Result<Encoder> createEncoder(const EncoderConfig& config, uint64_t seed);

}  // namespace mtrec::model
