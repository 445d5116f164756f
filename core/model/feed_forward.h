#pragma once

#include <cstdint>
#include <string>

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "model/linear.h"

namespace mtrec::model {

/// The position-wise feed-forward block: "intermediate" (Linear hidden → size), an activation,
/// "output" (Linear size → hidden). Activation "gelu" is the exact erf form (Hugging Face's
/// "gelu"); "gelu_new" / "gelu_pytorch_tanh" the tanh approximation; "relu". Dropout is the
/// caller's.
class FeedForwardImpl : public torch::nn::Module {
public:
    /// Throws std::invalid_argument on an unknown activation.
    FeedForwardImpl(int64_t hidden, int64_t intermediateSize, const std::string& activation);

    at::Tensor forward(const at::Tensor& x);  ///< [..., hidden] → [..., hidden]

    Linear intermediate{nullptr};
    Linear output{nullptr};

private:
    enum class Activation { GeluErf, GeluTanh, Relu };
    Activation activation_;
};

TORCH_MODULE(FeedForward);

}  // namespace mtrec::model
