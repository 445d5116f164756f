#include "model/self_attention.h"

#include <stdexcept>

#include "model/attention_kernel.h"

namespace mtrec::model {

SelfAttentionImpl::SelfAttentionImpl(int64_t hidden, int64_t heads, double attentionDropout)
    : heads_(heads), attentionDropout_(attentionDropout) {
    if (heads <= 0 || hidden % heads != 0)
        throw std::invalid_argument("SelfAttention: heads must divide the hidden size");
    qkv = register_module("qkv", Linear(hidden, 3 * hidden));
    output = register_module("output", Linear(hidden, hidden));
}

at::Tensor SelfAttentionImpl::forward(const at::Tensor& x, const at::Tensor& keyBias) {
    const at::Tensor context =
        attention(qkv->forward(x), keyBias, heads_, attentionDropout_, is_training());
    return output->forward(context);
}

}  // namespace mtrec::model
