#include "gemm_floor.h"

#include <algorithm>
#include <chrono>

#include <ATen/ATen.h>

#include "model/gemm.h"

namespace mtrec::bench {

namespace {

/// Row-major operands and result of one product, float32 and bfloat16 copies of each input.
struct Product {
    bool transA, transB;
    int64_t m, n, k;
};

double bestSeconds(const Product& p, bool bf16, int repeats) {
    const at::Tensor a = at::randn({p.transA ? p.k : p.m, p.transA ? p.m : p.k});
    const at::Tensor b = at::randn({p.transB ? p.n : p.k, p.transB ? p.k : p.n});
    const at::Tensor a16 = a.to(at::kBFloat16), b16 = b.to(at::kBFloat16);
    at::Tensor c = at::empty({p.m, p.n});
    double best = 1e30;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        if (bf16)
            model::gemmBf16(p.transA, p.transB, p.m, p.n, p.k, 1.0f, a16.data_ptr<at::BFloat16>(),
                            a.size(1), b16.data_ptr<at::BFloat16>(), b.size(1), 0.0f,
                            c.data_ptr<float>(), p.n);
        else
            model::sgemm(p.transA, p.transB, p.m, p.n, p.k, 1.0f, a.data_ptr<float>(), a.size(1),
                         b.data_ptr<float>(), b.size(1), 0.0f, c.data_ptr<float>(), p.n);
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                                            start).count());
    }
    return best;
}

}  // namespace

GemmFloor gemmFloor(const LinearShapes& s, bool bf16, int repeats) {
    const int64_t linears[4][2] = {
        {s.hidden, 3 * s.hidden}, {s.hidden, s.hidden}, {s.hidden, s.ffn}, {s.ffn, s.hidden}};
    GemmFloor floor;
    const double perStep = static_cast<double>(s.layers * s.passes);
    for (const auto& [in, out] : linears) {
        // The layouts model::linear uses: y = x·Wᵀ, dx = dy·W, dW = dyᵀ·x.
        floor.forward += perStep * bestSeconds({false, true, s.rows, out, in}, bf16, repeats);
        floor.inputGradient += perStep * bestSeconds({false, false, s.rows, in, out}, bf16, repeats);
        floor.weightGradient += perStep * bestSeconds({true, false, out, in, s.rows}, bf16, repeats);
    }
    return floor;
}

}  // namespace mtrec::bench
