#pragma once

#include <ATen/core/Tensor.h>

namespace mtrec::train {

struct InfoNceOptions {
    double scale = 20.0;     ///< 1 / tau; logits are scale * cosine (tau = 0.05 by default)
    bool symmetric = false;  ///< also the passage -> query direction; the two are averaged
};

/// InfoNCE with in-batch negatives (DESIGN §2). `queries` and `passages` are [B, D] embeddings of
/// B pairs, row i of each belonging together (B >= 1); they are L2-normalised here (no need to
/// normalise before). Query i is scored against every passage and every hard negative:
/// logits = scale * q_n [d_n; h_n]^T, shape [B, B + H], and the loss is the mean over i of the
/// cross-entropy with target column i. `hardNegatives` is [H, D] (any H >= 0, e.g. one per pair
/// that has one) or an undefined tensor; they are candidates of every query. With `symmetric`, the
/// passage -> query term (logits scale * d_n q_n^T, target i; hard negatives play no part) is
/// added and the two means are averaged. Returns a scalar with the inputs' dtype and device,
/// differentiable with respect to all inputs. Shapes that do not fit throw std::invalid_argument.
at::Tensor infoNceLoss(const at::Tensor& queries, const at::Tensor& passages,
                       const at::Tensor& hardNegatives, const InfoNceOptions& options);

}  // namespace mtrec::train
