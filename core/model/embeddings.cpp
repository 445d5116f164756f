#include "model/embeddings.h"

#include <stdexcept>
#include <string>

#include <ATen/Functions.h>

#include "model/dropout.h"

namespace mtrec::model {

EmbeddingTableImpl::EmbeddingTableImpl(int64_t rows, int64_t dim, int64_t paddingRow)
    : paddingRow_(paddingRow) {
    weight = register_parameter("weight", at::zeros({rows, dim}));
}

at::Tensor EmbeddingTableImpl::forward(const at::Tensor& ids) {
    return at::embedding(weight, ids, paddingRow_);
}

EmbeddingsImpl::EmbeddingsImpl(const EncoderConfig& config)
    : architecture_(config.architecture),
      padId_(config.padId),
      maxPositions_(config.maxPositions),
      dropout_(config.dropout) {
    const int64_t hidden = config.hiddenSize;
    wordEmbeddings =
        register_module("word_embeddings", EmbeddingTable(config.vocabSize, hidden, config.padId));
    const int64_t positionPad = architecture_ == Architecture::XlmRoberta ? config.padId : -1;
    positionEmbeddings = register_module("position_embeddings",
                                         EmbeddingTable(config.maxPositions, hidden, positionPad));
    if (config.typeVocabSize > 0)
        tokenTypeEmbeddings = register_module("token_type_embeddings",
                                              EmbeddingTable(config.typeVocabSize, hidden, -1));
    layerNorm = register_module("LayerNorm", LayerNorm(hidden, config.layerNormEps));
}

at::Tensor EmbeddingsImpl::positionTerm(const at::Tensor& ids) const {
    const int64_t seq = ids.size(1);
    if (architecture_ == Architecture::XlmRoberta) {
        const at::Tensor real = ids.ne(padId_).to(at::kLong);
        const at::Tensor positions = real.cumsum(1).mul_(real).add_(padId_);
        if (seq + padId_ >= maxPositions_)
            throw std::invalid_argument("sequence of " + std::to_string(seq) +
                                        " tokens needs position " + std::to_string(seq + padId_) +
                                        ", the position table has " +
                                        std::to_string(maxPositions_) + " rows");
        return at::embedding(positionEmbeddings->weight, positions, padId_);
    }
    if (seq > maxPositions_)
        throw std::invalid_argument("sequence of " + std::to_string(seq) + " tokens exceeds the " +
                                    std::to_string(maxPositions_) + " learned positions");
    return positionEmbeddings->weight.narrow(0, 0, seq);  // [seq, hidden], broadcast over batch
}

at::Tensor EmbeddingsImpl::forward(const at::Tensor& ids) {
    if (ids.dim() != 2 || ids.scalar_type() != at::kLong)
        throw std::invalid_argument("Embeddings: ids must be int64 [batch, seq]");
    at::Tensor positions = positionTerm(ids);
    if (tokenTypeEmbeddings) positions = positions + tokenTypeEmbeddings->weight[0];
    // Out of place: at::embedding returns a view, and an in-place add on it would make autograd
    // copy slices in the backward pass.
    const at::Tensor sum = wordEmbeddings->forward(ids).add(positions);
    at::Tensor normed = layerNorm->forward(sum);
    return dropoutInPlace(normed, dropout_, is_training());
}

}  // namespace mtrec::model
