#pragma once

#include <cstdint>

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "model/encoder_config.h"
#include "model/layer_norm.h"

namespace mtrec::model {

/// A lookup table: parameter "weight" [rows, dim], zero until initialised or loaded. Rows of
/// `paddingRow` get no gradient (as nn.Embedding's padding_idx); -1 for none.
class EmbeddingTableImpl : public torch::nn::Module {
public:
    EmbeddingTableImpl(int64_t rows, int64_t dim, int64_t paddingRow);

    at::Tensor forward(const at::Tensor& ids);  ///< int64 [...] → float32 [..., dim]

    at::Tensor weight;

private:
    int64_t paddingRow_;
};

TORCH_MODULE(EmbeddingTable);

/// Token + learned position (+ token type 0) embeddings, then LayerNorm and dropout. Submodules
/// as Hugging Face names them: "word_embeddings", "position_embeddings", "token_type_embeddings"
/// (only when config.typeVocabSize > 0), "LayerNorm".
/// Positions: 0…seq−1 for Transformer and BERT; for XLM-R, padId+1, padId+2, … counting only
/// non-pad ids, and padId on pad ids (HF's create_position_ids_from_input_ids).
class EmbeddingsImpl : public torch::nn::Module {
public:
    explicit EmbeddingsImpl(const EncoderConfig& config);

    /// ids: int64 [batch, seq] → float32 [batch, seq, hidden]. Throws std::invalid_argument when
    /// a position would exceed the position table.
    at::Tensor forward(const at::Tensor& ids);

    EmbeddingTable wordEmbeddings{nullptr};
    EmbeddingTable positionEmbeddings{nullptr};
    EmbeddingTable tokenTypeEmbeddings{nullptr};  ///< null when typeVocabSize == 0
    LayerNorm layerNorm{nullptr};

private:
    at::Tensor positionTerm(const at::Tensor& ids) const;

    Architecture architecture_;
    int64_t padId_;
    int64_t maxPositions_;
    double dropout_;
};

TORCH_MODULE(Embeddings);

}  // namespace mtrec::model
