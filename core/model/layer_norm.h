#pragma once

#include <cstdint>

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace mtrec::model {

/// LayerNorm over the last dimension: parameters "weight" (1) and "bias" (0), both [size], as
/// Hugging Face names them. Forward is ATen's fused native_layer_norm.
class LayerNormImpl : public torch::nn::Module {
public:
    LayerNormImpl(int64_t size, double eps);

    at::Tensor forward(const at::Tensor& x);

    at::Tensor weight;
    at::Tensor bias;

private:
    int64_t size_;
    double eps_;
};

TORCH_MODULE(LayerNorm);

}  // namespace mtrec::model
