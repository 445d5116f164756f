#pragma once

#include <cstdint>

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace mtrec::model {

/// y = x · weightᵀ + bias over the last dimension of x ([..., in] → [..., out]), float32 only.
/// Computed as one GEMM on the rows of x with the bias in the accumulator (what Python's fused
/// addmm does; the C++ frontend's F::linear on 3-D input is a matmul plus a separate add), through
/// model::sgemm, so on oneDNN. Differentiable in x, weight and bias; the backward is two GEMMs
/// and a column sum. Under MatmulPrecision::Bf16 (matmul_precision.h) the GEMMs take bfloat16
/// copies of x's rows, the weight and the incoming gradient (model::gemmBf16) and return float32;
/// the result and the gradients stay float32, and the backward keeps the forward's precision.
at::Tensor linear(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias);

/// A fully connected layer: parameters "weight" [out, in] and "bias" [out] (Hugging Face's names
/// and layout). Both start at zero, drawing nothing from the global generator: the encoder
/// initialises them from its own seed (EncoderImpl::initialiseWeights) or loads them.
class LinearImpl : public torch::nn::Module {
public:
    LinearImpl(int64_t in, int64_t out);

    at::Tensor forward(const at::Tensor& x);

    at::Tensor weight;
    at::Tensor bias;
};

TORCH_MODULE(Linear);

}  // namespace mtrec::model
