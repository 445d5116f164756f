#include "model/layer_norm.h"

#include <ATen/Functions.h>

namespace mtrec::model {

LayerNormImpl::LayerNormImpl(int64_t size, double eps) : size_(size), eps_(eps) {
    weight = register_parameter("weight", at::ones({size}));
    bias = register_parameter("bias", at::zeros({size}));
}

at::Tensor LayerNormImpl::forward(const at::Tensor& x) {
    return at::layer_norm(x, {size_}, weight, bias, eps_, /*cudnn_enable=*/false);
}

}  // namespace mtrec::model
