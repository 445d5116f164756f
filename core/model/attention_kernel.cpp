#include "model/attention_kernel.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include <ATen/Functions.h>
#include <ATen/Parallel.h>
#include <ATen/record_function.h>
#include <torch/csrc/autograd/custom_function.h>

#include "model/dropout.h"
#include "model/gemm.h"

namespace mtrec::model {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

/// The sizes shared by the forward and backward passes.
struct Shape {
    int64_t batch, seq, heads, headDim, hidden;
    float scale;

    Shape(const at::Tensor& qkv, int64_t heads_)
        : batch(qkv.size(0)),
          seq(qkv.size(1)),
          heads(heads_),
          headDim(qkv.size(2) / 3 / heads_),
          hidden(qkv.size(2) / 3),
          scale(static_cast<float>(1.0 / std::sqrt(double(headDim)))) {}

    int64_t pairs() const { return batch * heads; }
    int64_t ldQkv() const { return 3 * hidden; }
    /// Offset of (b, h)'s query (part 0), key (1) or value (2) block in a [batch, seq, 3·hidden].
    int64_t qkvOffset(int64_t pair, int part) const {
        const int64_t b = pair / heads, h = pair % heads;
        return b * seq * 3 * hidden + part * hidden + h * headDim;
    }
    /// Offset of (b, h)'s block in a [batch, seq, hidden] context.
    int64_t contextOffset(int64_t pair) const {
        return (pair / heads) * seq * hidden + (pair % heads) * headDim;
    }
    int64_t scoreOffset(int64_t pair) const { return pair * seq * seq; }
};

/// Runs body(pair) for every (batch, head) pair, pairs spread over ATen's threads; each pair's
/// GEMMs run on the thread that took it.
template <typename F>
void forEachPair(const Shape& s, const F& body) {
    at::parallel_for(0, s.pairs(), 1, [&](int64_t begin, int64_t end) {
        const SerialGemmScope serial;
        for (int64_t pair = begin; pair < end; ++pair) body(pair);
    });
}

/// scores[b, h] = keyBias[b] + scale · q kᵀ, as [batch, heads, seq, seq].
at::Tensor scores(const Shape& s, const at::Tensor& qkv, const at::Tensor& keyBias) {
    RECORD_FUNCTION("mtrec::attention_scores", std::vector<c10::IValue>());
    at::Tensor out = at::empty({s.batch, s.heads, s.seq, s.seq}, qkv.options());
    const float* x = qkv.data_ptr<float>();
    const float* bias = keyBias.data_ptr<float>();
    float* o = out.data_ptr<float>();
    forEachPair(s, [&](int64_t pair) {
        float* block = o + s.scoreOffset(pair);
        const float* rowBias = bias + (pair / s.heads) * s.seq;
        for (int64_t r = 0; r < s.seq; ++r) std::copy(rowBias, rowBias + s.seq, block + r * s.seq);
        sgemm(false, true, s.seq, s.seq, s.headDim, s.scale, x + s.qkvOffset(pair, 0), s.ldQkv(),
              x + s.qkvOffset(pair, 1), s.ldQkv(), 1.0f, block, s.seq);
    });
    return out;
}

/// context[b, :, h] = probs[b, h] · v[b, h], as [batch, seq, hidden].
at::Tensor context(const Shape& s, const at::Tensor& qkv, const at::Tensor& probs) {
    RECORD_FUNCTION("mtrec::attention_context", std::vector<c10::IValue>());
    at::Tensor out = at::empty({s.batch, s.seq, s.hidden}, qkv.options());
    const float* x = qkv.data_ptr<float>();
    const float* p = probs.data_ptr<float>();
    float* o = out.data_ptr<float>();
    forEachPair(s, [&](int64_t pair) {
        sgemm(false, false, s.seq, s.headDim, s.seq, 1.0f, p + s.scoreOffset(pair), s.seq,
              x + s.qkvOffset(pair, 2), s.ldQkv(), 0.0f, o + s.contextOffset(pair), s.hidden);
    });
    return out;
}

/// Gradients of q, k, v from the gradient of the scores (gS, pre-softmax, unscaled) and of the
/// context (gC), written into one [batch, seq, 3·hidden] tensor.
at::Tensor qkvGradient(const Shape& s, const at::Tensor& qkv, const at::Tensor& keptProbs,
                       const at::Tensor& gradScores, const at::Tensor& gradContext) {
    RECORD_FUNCTION("mtrec::attention_qkv_backward", std::vector<c10::IValue>());
    at::Tensor grad = at::empty_like(qkv);
    const float* x = qkv.data_ptr<float>();
    const float* p = keptProbs.data_ptr<float>();
    const float* gs = gradScores.data_ptr<float>();
    const float* gc = gradContext.data_ptr<float>();
    float* g = grad.data_ptr<float>();
    const int64_t ld = s.ldQkv(), n = s.seq, d = s.headDim;
    forEachPair(s, [&](int64_t pair) {
        const float* gsBlock = gs + s.scoreOffset(pair);
        // gQ = scale · gS · K;  gK = scale · gSᵀ · Q;  gV = Pᵀ · gC
        sgemm(false, false, n, d, n, s.scale, gsBlock, n, x + s.qkvOffset(pair, 1), ld, 0.0f,
              g + s.qkvOffset(pair, 0), ld);
        sgemm(true, false, n, d, n, s.scale, gsBlock, n, x + s.qkvOffset(pair, 0), ld, 0.0f,
              g + s.qkvOffset(pair, 1), ld);
        sgemm(true, false, n, d, n, 1.0f, p + s.scoreOffset(pair), n, gc + s.contextOffset(pair),
              s.hidden, 0.0f, g + s.qkvOffset(pair, 2), ld);
    });
    return grad;
}

/// gP[b, h] = gC[b, :, h] · v[b, h]ᵀ, as [batch, heads, seq, seq].
at::Tensor probsGradient(const Shape& s, const at::Tensor& qkv, const at::Tensor& gradContext) {
    RECORD_FUNCTION("mtrec::attention_probs_backward", std::vector<c10::IValue>());
    at::Tensor out = at::empty({s.batch, s.heads, s.seq, s.seq}, qkv.options());
    const float* x = qkv.data_ptr<float>();
    const float* gc = gradContext.data_ptr<float>();
    float* o = out.data_ptr<float>();
    forEachPair(s, [&](int64_t pair) {
        sgemm(false, true, s.seq, s.seq, s.headDim, 1.0f, gc + s.contextOffset(pair), s.hidden,
              x + s.qkvOffset(pair, 2), s.ldQkv(), 0.0f, o + s.scoreOffset(pair), s.seq);
    });
    return out;
}

struct AttentionFunction : public torch::autograd::Function<AttentionFunction> {
    static at::Tensor forward(AutogradContext* ctx, const at::Tensor& qkv,
                              const at::Tensor& keyBias, int64_t heads, double dropoutP,
                              bool training) {
        const Shape s(qkv, heads);
        const at::Tensor probs = at::_softmax(scores(s, qkv, keyBias), -1, false);
        // The dropout mask is not kept: the backward makes it again from the seed.
        const bool drop = training && dropoutP > 0.0;
        const uint64_t seed = drop ? drawSeed() : 0;
        const at::Tensor kept = drop ? applyDropoutMask(probs, dropoutP, seed) : probs;
        ctx->save_for_backward({qkv, probs, kept});
        ctx->saved_data["heads"] = heads;
        ctx->saved_data["dropout"] = drop ? dropoutP : 0.0;
        ctx->saved_data["seed"] = static_cast<int64_t>(seed);
        return context(s, qkv, kept);
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const at::Tensor &qkv = saved[0], &probs = saved[1], &kept = saved[2];
        const Shape s(qkv, ctx->saved_data["heads"].toInt());
        const at::Tensor gradContext = grads[0].contiguous();
        at::Tensor gradProbs = probsGradient(s, qkv, gradContext);
        const double dropoutP = ctx->saved_data["dropout"].toDouble();
        if (dropoutP > 0.0)
            applyDropoutMaskInPlace(gradProbs, dropoutP,
                                    static_cast<uint64_t>(ctx->saved_data["seed"].toInt()));
        const at::Tensor gradScores = at::_softmax_backward_data(gradProbs, probs, -1, at::kFloat);
        return {qkvGradient(s, qkv, kept, gradScores, gradContext), at::Tensor(), at::Tensor(),
                at::Tensor(), at::Tensor()};
    }
};

void checkInputs(const at::Tensor& qkv, const at::Tensor& keyBias, int64_t heads) {
    if (qkv.dim() != 3 || qkv.scalar_type() != at::kFloat || heads <= 0 ||
        qkv.size(2) % (3 * heads) != 0)
        throw std::invalid_argument(
            "attention: qkv must be float32 [batch, seq, 3·hidden] with "
            "hidden divisible by heads=" +
            std::to_string(heads));
    if (keyBias.dim() != 2 || keyBias.scalar_type() != at::kFloat ||
        keyBias.size(0) != qkv.size(0) || keyBias.size(1) != qkv.size(1))
        throw std::invalid_argument("attention: keyBias must be float32 [batch, seq]");
}

}  // namespace

at::Tensor attention(const at::Tensor& qkvIn, const at::Tensor& keyBiasIn, int64_t heads,
                     double dropoutP, bool training) {
    checkInputs(qkvIn, keyBiasIn, heads);
    const at::Tensor qkv = qkvIn.contiguous();
    const at::Tensor keyBias = keyBiasIn.contiguous();
    if (at::GradMode::is_enabled() && qkv.requires_grad())
        return AttentionFunction::apply(qkv, keyBias, heads, dropoutP, training);
    const Shape s(qkv, heads);
    at::Tensor probs = scores(s, qkv, keyBias);
    at::_softmax_out(probs, probs, -1, false);
    if (training && dropoutP > 0.0) applyDropoutMaskInPlace(probs, dropoutP, drawSeed());
    return context(s, qkv, probs);
}

at::Tensor keyBiasFromMask(const at::Tensor& mask) {
    return mask.eq(0).to(at::kFloat).mul_(kMaskedKeyBias);
}

}  // namespace mtrec::model
