#include "model/dropout.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <stdexcept>

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Functions.h>
#include <ATen/Parallel.h>
#include <ATen/record_function.h>
#include <torch/csrc/autograd/custom_function.h>

#include "common/cpu_clones.h"

namespace mtrec::model {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

constexpr int64_t kGrain = 1 << 15;  // elements per parallel chunk
constexpr int64_t kBlockQuads = 16;  // hashes computed together, so that they vectorise

inline uint64_t splitMix64(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

/// The drop rule of one call: each 64-bit hash of (key, quad) gives four 16-bit uniforms u; an
/// element is dropped when u < threshold, so p is used as threshold / 2^16 and the kept scale
/// matches that value exactly.
struct MaskRule {
    uint64_t key;
    uint32_t threshold;
    float keep;

    MaskRule(double p, uint64_t seed)
        : key(splitMix64(seed)),
          threshold(static_cast<uint32_t>(std::llround(p * 65536.0))),
          keep(static_cast<float>(65536.0 / (65536.0 - static_cast<double>(threshold)))) {}

    uint64_t hash(int64_t quad) const {
        return splitMix64(key ^ static_cast<uint64_t>(quad) * 0xD1B54A32D192ED03ull);
    }
    float value(uint64_t bits, int k) const {
        return ((bits >> (16 * k)) & 0xFFFF) < threshold ? 0.0f : keep;
    }
};

/// out[e] = in[e] · mask(e) (or mask(e) itself when `in` is null) for the elements of quads
/// [begin, end). The hashes of a block are computed first, in a loop of their own, which the
/// AVX-512 clone runs eight at a time (its 64-bit multiply): about 4 times the scalar rate here.
MTREC_CPU_CLONES void maskQuads(const MaskRule& shared, const float* in, float* out,
                                int64_t begin, int64_t end) {
    const MaskRule rule = shared;  // a local copy: stores to `out` cannot alias it
    uint64_t bits[kBlockQuads];
    uint16_t uniforms[4 * kBlockQuads];
    for (int64_t q0 = begin; q0 < end; q0 += kBlockQuads) {
        const int64_t n = std::min(kBlockQuads, end - q0);
        for (int64_t j = 0; j < kBlockQuads; ++j) bits[j] = rule.hash(q0 + j);
        for (int64_t j = 0; j < kBlockQuads; ++j)
            for (int k = 0; k < 4; ++k)
                uniforms[4 * j + k] = static_cast<uint16_t>(bits[j] >> (16 * k));
        float* o = out + 4 * q0;
        if (in == nullptr) {
            for (int64_t e = 0; e < 4 * n; ++e)
                o[e] = uniforms[e] < rule.threshold ? 0.0f : rule.keep;
        } else {
            const float* i = in + 4 * q0;
            for (int64_t e = 0; e < 4 * n; ++e)
                o[e] = i[e] * (uniforms[e] < rule.threshold ? 0.0f : rule.keep);
        }
    }
}

/// maskQuads over all of [0, numel), in parallel, and the last numel mod 4 elements.
void applyMask(double p, uint64_t seed, const float* in, float* out, int64_t numel) {
    RECORD_FUNCTION("mtrec::dropout_mask", std::vector<c10::IValue>());
    if (!(p > 0.0 && p < 1.0)) throw std::invalid_argument("dropout probability must be in (0, 1)");
    const MaskRule rule(p, seed);
    const int64_t quads = numel / 4;
    at::parallel_for(0, quads, kGrain / 4, [&](int64_t begin, int64_t end) {
        maskQuads(rule, in, out, begin, end);
    });
    const uint64_t tail = rule.hash(quads);
    for (int64_t j = 4 * quads, k = 0; j < numel; ++j, ++k)
        out[j] = (in == nullptr ? 1.0f : in[j]) * rule.value(tail, static_cast<int>(k));
}

/// A new tensor x · mask(seed); x float32.
at::Tensor maskedCopy(const at::Tensor& x, double p, uint64_t seed) {
    const at::Tensor source = x.contiguous();
    at::Tensor out = at::empty(source.sizes(), source.options());
    applyMask(p, seed, source.data_ptr<float>(), out.data_ptr<float>(), out.numel());
    return out;
}

void checkFloat(const at::Tensor& x) {
    if (x.scalar_type() != at::kFloat) throw std::invalid_argument("dropout: float32 expected");
}

/// Dropout that keeps no mask: the backward recomputes it from the seed.
struct DropoutFunction : public torch::autograd::Function<DropoutFunction> {
    static at::Tensor forward(AutogradContext* ctx, const at::Tensor& x, double p, bool inPlace) {
        const uint64_t seed = drawSeed();
        ctx->saved_data["p"] = p;
        ctx->saved_data["seed"] = static_cast<int64_t>(seed);
        if (!inPlace) return maskedCopy(x, p, seed);
        at::Tensor target = x;
        applyMask(p, seed, target.data_ptr<float>(), target.data_ptr<float>(), target.numel());
        ctx->mark_dirty({target});
        return target;
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads) {
        const double p = ctx->saved_data["p"].toDouble();
        const auto seed = static_cast<uint64_t>(ctx->saved_data["seed"].toInt());
        return {maskedCopy(grads[0], p, seed), at::Tensor(), at::Tensor()};
    }
};

}  // namespace

uint64_t drawSeed() {
    at::Generator generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    return at::check_generator<at::CPUGeneratorImpl>(generator)->random64();
}

void fillDropoutMask(at::Tensor& mask, double p, uint64_t seed) {
    if (mask.scalar_type() != at::kFloat || !mask.is_contiguous())
        throw std::invalid_argument("dropout mask must be a contiguous float32 tensor");
    applyMask(p, seed, nullptr, mask.data_ptr<float>(), mask.numel());
}

at::Tensor dropoutMask(const at::Tensor& like, double p) {
    at::Tensor mask = at::empty(like.sizes(), like.options().dtype(at::kFloat));
    fillDropoutMask(mask, p, drawSeed());
    return mask;
}

at::Tensor applyDropoutMask(const at::Tensor& x, double p, uint64_t seed) {
    checkFloat(x);
    return maskedCopy(x, p, seed);
}

void applyDropoutMaskInPlace(at::Tensor& x, double p, uint64_t seed) {
    checkFloat(x);
    if (!x.is_contiguous()) throw std::invalid_argument("dropout: contiguous tensor expected");
    applyMask(p, seed, x.data_ptr<float>(), x.data_ptr<float>(), x.numel());
}

at::Tensor dropout(const at::Tensor& x, double p, bool training) {
    if (!training || p == 0.0) return x;
    if (p >= 1.0) return x.mul(0.0);
    checkFloat(x);
    return DropoutFunction::apply(x, p, false);
}

at::Tensor& dropoutInPlace(at::Tensor& x, double p, bool training) {
    if (!training || p == 0.0) return x;
    if (p >= 1.0) return x.zero_();
    checkFloat(x);
    if (!x.is_contiguous()) return x.mul_(dropoutMask(x, p));
    // The autograd function returns x itself, marked dirty: its version counter and grad_fn are
    // updated as for any in-place op.
    DropoutFunction::apply(x, p, true);
    return x;
}

}  // namespace mtrec::model
