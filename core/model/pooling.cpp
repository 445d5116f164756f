#include "model/pooling.h"

#include <stdexcept>

#include <ATen/Functions.h>

namespace mtrec::model {

at::Tensor meanPool(const at::Tensor& hidden, const at::Tensor& mask) {
    if (hidden.dim() != 3 || mask.dim() != 2 || mask.size(0) != hidden.size(0) ||
        mask.size(1) != hidden.size(1))
        throw std::invalid_argument("meanPool: hidden [batch, seq, dim] and mask [batch, seq]");
    const at::Tensor weights = mask.ne(0).to(hidden.scalar_type());             // [batch, seq]
    const at::Tensor counts = weights.sum(1, /*keepdim=*/true).clamp_min(1.0);  // [batch, 1]
    // One batched product per row instead of a masked copy of the whole hidden tensor.
    const at::Tensor sums = at::bmm(weights.unsqueeze(1), hidden).squeeze(1);  // [batch, dim]
    return sums.div(counts);
}

at::Tensor clsPool(const at::Tensor& hidden) {
    if (hidden.dim() != 3) throw std::invalid_argument("clsPool: hidden [batch, seq, dim]");
    return hidden.select(1, 0);
}

at::Tensor pool(const at::Tensor& hidden, const at::Tensor& mask, Pooling pooling) {
    return pooling == Pooling::Cls ? clsPool(hidden) : meanPool(hidden, mask);
}

}  // namespace mtrec::model
