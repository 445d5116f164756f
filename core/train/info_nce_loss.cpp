#include "train/info_nce_loss.h"

#include <stdexcept>
#include <string>

#include <ATen/ATen.h>

namespace mtrec::train {
namespace {

/// Rows scaled to unit L2 norm (a zero row stays zero), as torch.nn.functional.normalize does.
at::Tensor normalizeRows(const at::Tensor& x) {
    return x / x.norm(2, {1}, /*keepdim=*/true).clamp_min(1e-12);
}

/// Mean over rows i of -log softmax(logits[i])[i].
at::Tensor diagonalCrossEntropy(const at::Tensor& logits) {
    return -at::log_softmax(logits, 1).diagonal().mean();
}

std::string shapeOf(const at::Tensor& x) {
    std::string text = "[";
    for (int64_t d = 0; d < x.dim(); ++d) text += (d ? ", " : "") + std::to_string(x.size(d));
    return text + "]";
}

void checkShapes(const at::Tensor& queries, const at::Tensor& passages,
                 const at::Tensor& hardNegatives) {
    if (queries.dim() != 2 || passages.dim() != 2 || queries.sizes() != passages.sizes() ||
        queries.size(0) < 1)
        throw std::invalid_argument("infoNceLoss: queries " + shapeOf(queries) + " and passages " +
                                    shapeOf(passages) + " must both be [B, D] with B >= 1");
    if (hardNegatives.defined() &&
        (hardNegatives.dim() != 2 || hardNegatives.size(1) != queries.size(1)))
        throw std::invalid_argument("infoNceLoss: hard negatives " + shapeOf(hardNegatives) +
                                    " must be [H, " + std::to_string(queries.size(1)) + "]");
}

}  // namespace

at::Tensor infoNceLoss(const at::Tensor& queries, const at::Tensor& passages,
                       const at::Tensor& hardNegatives, const InfoNceOptions& options) {
    checkShapes(queries, passages, hardNegatives);
    const at::Tensor q = normalizeRows(queries);
    const at::Tensor d = normalizeRows(passages);
    at::Tensor candidates = d;
    if (hardNegatives.defined() && hardNegatives.size(0) > 0)
        candidates = at::cat({d, normalizeRows(hardNegatives)}, 0);
    const at::Tensor forward = diagonalCrossEntropy(at::matmul(q, candidates.t()) * options.scale);
    if (!options.symmetric) return forward;
    const at::Tensor backward = diagonalCrossEntropy(at::matmul(d, q.t()) * options.scale);
    return (forward + backward) * 0.5;
}

}  // namespace mtrec::train
