#include "model/dropout.h"

#include <cmath>
#include <mutex>
#include <stdexcept>

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Functions.h>
#include <ATen/Parallel.h>
#include <ATen/record_function.h>

namespace mtrec::model {

namespace {

constexpr int64_t kGrain = 1 << 15;  // elements per parallel chunk

inline uint64_t splitMix64(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

}  // namespace

uint64_t drawSeed() {
    at::Generator generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    return at::check_generator<at::CPUGeneratorImpl>(generator)->random64();
}

void fillDropoutMask(at::Tensor& mask, double p, uint64_t seed) {
    RECORD_FUNCTION("mtrec::dropout_mask", std::vector<c10::IValue>());
    if (!(p > 0.0 && p < 1.0)) throw std::invalid_argument("dropout probability must be in (0, 1)");
    if (mask.scalar_type() != at::kFloat || !mask.is_contiguous())
        throw std::invalid_argument("dropout mask must be a contiguous float32 tensor");
    // Each 64-bit hash gives four 16-bit uniforms u; an element is dropped when u < threshold, so
    // p is used as threshold / 2^16 and the kept scale matches that value exactly.
    const auto threshold = static_cast<uint64_t>(std::llround(p * 65536.0));
    const float keep = static_cast<float>(65536.0 / (65536.0 - static_cast<double>(threshold)));
    float* out = mask.data_ptr<float>();
    const int64_t numel = mask.numel();
    const uint64_t key = splitMix64(seed);
    auto hash = [key](int64_t quad) {
        return splitMix64(key ^ static_cast<uint64_t>(quad) * 0xD1B54A32D192ED03ull);
    };
    const int64_t quads = numel / 4;
    at::parallel_for(0, quads, kGrain / 4, [&](int64_t begin, int64_t end) {
        for (int64_t q = begin; q < end; ++q) {
            const uint64_t bits = hash(q);
            float* o = out + 4 * q;
            for (int k = 0; k < 4; ++k)
                o[k] = ((bits >> (16 * k)) & 0xFFFF) < threshold ? 0.0f : keep;
        }
    });
    const uint64_t tail = hash(quads);
    for (int64_t j = 4 * quads, k = 0; j < numel; ++j, ++k)
        out[j] = ((tail >> (16 * k)) & 0xFFFF) < threshold ? 0.0f : keep;
}

at::Tensor dropoutMask(const at::Tensor& like, double p) {
    at::Tensor mask = at::empty(like.sizes(), like.options().dtype(at::kFloat));
    fillDropoutMask(mask, p, drawSeed());
    return mask;
}

at::Tensor dropout(const at::Tensor& x, double p, bool training) {
    if (!training || p == 0.0) return x;
    if (p >= 1.0) return x.mul(0.0);
    return x.mul(dropoutMask(x, p));
}

at::Tensor& dropoutInPlace(at::Tensor& x, double p, bool training) {
    if (!training || p == 0.0) return x;
    if (p >= 1.0) return x.zero_();
    return x.mul_(dropoutMask(x, p));
}

}  // namespace mtrec::model
