#include "model/feed_forward.h"

#include <stdexcept>

#include <ATen/Functions.h>

#include "model/gelu.h"

namespace mtrec::model {

FeedForwardImpl::FeedForwardImpl(int64_t hidden, int64_t intermediateSize,
                                 const std::string& activation) {
    if (activation == "gelu")
        activation_ = Activation::GeluErf;
    else if (activation == "gelu_new" || activation == "gelu_pytorch_tanh")
        activation_ = Activation::GeluTanh;
    else if (activation == "relu")
        activation_ = Activation::Relu;
    else
        throw std::invalid_argument("unknown activation '" + activation + "'");
    intermediate = register_module("intermediate", Linear(hidden, intermediateSize));
    output = register_module("output", Linear(intermediateSize, hidden));
}

at::Tensor FeedForwardImpl::forward(const at::Tensor& x) {
    at::Tensor h = intermediate->forward(x);
    switch (activation_) {
        case Activation::GeluErf:
            h = model::gelu(h);
            break;
        case Activation::GeluTanh:
            h = at::gelu(h, "tanh");
            break;
        case Activation::Relu:
            h = at::relu(h);
            break;
    }
    return output->forward(h);
}

}  // namespace mtrec::model
