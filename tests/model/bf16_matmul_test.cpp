// bfloat16 GEMMs: model::gemmBf16 against sgemm, and the Linear layer under
// MatmulPrecision::Bf16 against float32 and against a bfloat16 reference computed in double.
//
// Tolerances. bfloat16 keeps 8 significant bits, so rounding an input to it has relative error at
// most u = 2^-8 (round to nearest). A product of two rounded inputs is then off by at most
// (2u + u²)·|a|·|b|, and a sum of such products by (2u + u²)·Σ|a_i|·|b_i|: the bound used below,
// element by element, plus float32 accumulation slack.
#include <cmath>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <gtest/gtest.h>

#include "model/gemm.h"
#include "model/linear.h"
#include "model/matmul_precision.h"
#include "model_test_util.h"

namespace mtrec::model {
namespace {

using test::maxAbsDiff;

constexpr double kUnitRoundoff = 1.0 / 256.0;  // 2^-8
constexpr double kProductBound = 2.0 * kUnitRoundoff + kUnitRoundoff * kUnitRoundoff;
constexpr double kFloatSlack = 1e-5;  // float32 accumulation of these small sums

class Bf16MatmulTest : public ::testing::Test {
protected:
    void SetUp() override {
        at::set_num_threads(2);
        at::manual_seed(5);
    }
};

/// x rounded to bfloat16 and widened back: the values a bfloat16 GEMM multiplies.
at::Tensor roundedToBf16(const at::Tensor& x) {
    return x.to(at::kBFloat16).to(at::kDouble);
}

/// True when |actual − expected| <= kProductBound · bound + kFloatSlack everywhere.
bool withinBf16Bound(const at::Tensor& actual, const at::Tensor& expected,
                     const at::Tensor& bound) {
    const at::Tensor error = actual.to(at::kDouble).sub(expected.to(at::kDouble)).abs();
    return error.le(bound.to(at::kDouble).mul(kProductBound).add(kFloatSlack)).all().item<bool>();
}

TEST_F(Bf16MatmulTest, GemmBf16MultipliesTheRoundedInputsInFloat32ForEveryTranspose) {
    const int64_t m = 37, n = 29, k = 53;
    for (bool transA : {false, true})
        for (bool transB : {false, true}) {
            // Stored with wider rows than needed, to exercise lda/ldb/ldc.
            const at::Tensor aStore = at::randn({transA ? k : m, (transA ? m : k) + 3});
            const at::Tensor bStore = at::randn({transB ? n : k, (transB ? k : n) + 5});
            const at::Tensor a16 = aStore.to(at::kBFloat16), b16 = bStore.to(at::kBFloat16);
            at::Tensor c = at::full({m, n + 2}, 7.0f);
            gemmBf16(transA, transB, m, n, k, 0.5f, a16.data_ptr<at::BFloat16>(), aStore.size(1),
                     b16.data_ptr<at::BFloat16>(), bStore.size(1), 2.0f, c.data_ptr<float>(),
                     n + 2);
            const auto op = [](const at::Tensor& x, bool trans) { return trans ? x.t() : x; };
            const at::Tensor a = aStore.narrow(1, 0, transA ? m : k);
            const at::Tensor b = bStore.narrow(1, 0, transB ? k : n);
            const at::Tensor product = c.narrow(1, 0, n);
            // The rounded inputs' exact product (in double), up to float32 summation.
            const at::Tensor rounded =
                at::mm(op(roundedToBf16(a), transA), op(roundedToBf16(b), transB))
                    .mul(0.5)
                    .add(14.0);
            EXPECT_LT(maxAbsDiff(product, rounded), kFloatSlack) << transA << transB;
            // Against the unrounded float32 product: within the bound, but not equal to it.
            const at::Tensor exact =
                at::mm(op(a.to(at::kDouble), transA), op(b.to(at::kDouble), transB));
            const at::Tensor magnitude = at::mm(op(a.abs(), transA), op(b.abs(), transB)).mul(0.5);
            EXPECT_TRUE(withinBf16Bound(product, exact.mul(0.5).add(14.0), magnitude));
            EXPECT_GT(maxAbsDiff(product, exact.mul(0.5).add(14.0)), 1e-3);
            EXPECT_TRUE(c.narrow(1, n, 2).eq(7.0f).all().item<bool>());  // padding untouched
        }
}

struct LinearRun {
    at::Tensor y, gradX, gradWeight, gradBias;
};

/// y = linear(x, w, b) and the gradients of sum(y · upstream), the forward run in `forward`
/// precision and the backward in `backward` precision (each scope alive only around its part).
LinearRun runLinear(const at::Tensor& x, const at::Tensor& w, const at::Tensor& b,
                    const at::Tensor& upstream, MatmulPrecision forward, MatmulPrecision backward) {
    const at::Tensor xi = x.detach().requires_grad_();
    const at::Tensor wi = w.detach().requires_grad_();
    const at::Tensor bi = b.detach().requires_grad_();
    at::Tensor y;
    {
        const MatmulPrecisionScope scope(forward);
        y = linear(xi, wi, bi);
    }
    {
        const MatmulPrecisionScope scope(backward);
        (y * upstream).sum().backward();
    }
    return {y.detach(), xi.grad(), wi.grad(), bi.grad()};
}

TEST_F(Bf16MatmulTest, LinearInBf16IsWithinBf16RoundingOfFloat32ValuesAndGradients) {
    const at::Tensor x = at::randn({3, 4, 24}), w = at::randn({5, 24}), b = at::randn({5});
    const at::Tensor upstream = at::randn({3, 4, 5});
    const LinearRun fp32 =
        runLinear(x, w, b, upstream, MatmulPrecision::Fp32, MatmulPrecision::Fp32);
    const LinearRun bf16 =
        runLinear(x, w, b, upstream, MatmulPrecision::Bf16, MatmulPrecision::Bf16);

    const at::Tensor rows = x.reshape({12, 24}), grad = upstream.reshape({12, 5});
    EXPECT_EQ(bf16.y.scalar_type(), at::kFloat);
    EXPECT_TRUE(withinBf16Bound(bf16.y.reshape({12, 5}), fp32.y.reshape({12, 5}),
                                at::mm(rows.abs(), w.abs().t())));
    EXPECT_TRUE(withinBf16Bound(bf16.gradX.reshape({12, 24}), fp32.gradX.reshape({12, 24}),
                                at::mm(grad.abs(), w.abs())));
    EXPECT_TRUE(
        withinBf16Bound(bf16.gradWeight, fp32.gradWeight, at::mm(grad.abs().t(), rows.abs())));
    EXPECT_LT(maxAbsDiff(bf16.gradBias, fp32.gradBias), kFloatSlack);  // summed in float32
    // ... and really rounded: float32 would be off by far less.
    EXPECT_GT(maxAbsDiff(bf16.y, fp32.y), 1e-3);
    EXPECT_GT(maxAbsDiff(bf16.gradWeight, fp32.gradWeight), 1e-3);
}

TEST_F(Bf16MatmulTest, LinearBackwardKeepsThePrecisionOfItsForward) {
    const at::Tensor x = at::randn({6, 24}), w = at::randn({5, 24}), b = at::randn({5});
    const at::Tensor upstream = at::randn({6, 5});
    // Forward in bf16, backward after the scope ended (fp32 in force): still bf16, i.e. equal to
    // the product of the rounded operands (rounded gradient included) in double.
    const LinearRun bf16 =
        runLinear(x, w, b, upstream, MatmulPrecision::Bf16, MatmulPrecision::Fp32);
    const at::Tensor x16 = roundedToBf16(x), w16 = roundedToBf16(w);
    const at::Tensor g16 = roundedToBf16(upstream);
    EXPECT_LT(maxAbsDiff(bf16.y, at::mm(x16, w16.t()).add(b.to(at::kDouble))), kFloatSlack);
    EXPECT_LT(maxAbsDiff(bf16.gradX, at::mm(g16, w16)), kFloatSlack);
    EXPECT_LT(maxAbsDiff(bf16.gradWeight, at::mm(g16.t(), x16)), kFloatSlack);
    EXPECT_LT(maxAbsDiff(bf16.gradBias, upstream.sum(0)), kFloatSlack);

    // The other way round: an fp32 forward back-propagated inside a bf16 scope stays fp32.
    const LinearRun fp32 =
        runLinear(x, w, b, upstream, MatmulPrecision::Fp32, MatmulPrecision::Fp32);
    const LinearRun mixed =
        runLinear(x, w, b, upstream, MatmulPrecision::Fp32, MatmulPrecision::Bf16);
    EXPECT_TRUE(mixed.gradX.equal(fp32.gradX));
    EXPECT_TRUE(mixed.gradWeight.equal(fp32.gradWeight));
}

TEST_F(Bf16MatmulTest, LinearWithoutGradFollowsTheScopeAndScopesNest) {
    const at::Tensor x = at::randn({6, 24}), w = at::randn({5, 24}), b = at::randn({5});
    const at::NoGradGuard noGrad;
    const at::Tensor expected =
        at::mm(roundedToBf16(x), roundedToBf16(w).t()).add(b.to(at::kDouble));
    EXPECT_EQ(currentMatmulPrecision(), MatmulPrecision::Fp32);
    {
        const MatmulPrecisionScope outer(MatmulPrecision::Bf16);
        EXPECT_LT(maxAbsDiff(linear(x, w, b), expected), kFloatSlack);
        {
            const MatmulPrecisionScope inner(MatmulPrecision::Fp32);
            EXPECT_LT(maxAbsDiff(linear(x, w, b), at::addmm(b, x, w.t())), kFloatSlack);
        }
        EXPECT_EQ(currentMatmulPrecision(), MatmulPrecision::Bf16);
    }
    EXPECT_EQ(currentMatmulPrecision(), MatmulPrecision::Fp32);
    EXPECT_STREQ(matmulPrecisionText(MatmulPrecision::Bf16), "bf16");
    EXPECT_STREQ(matmulPrecisionText(MatmulPrecision::Fp32), "fp32");
}

}  // namespace
}  // namespace mtrec::model
