// The encoder's own layers against plain ATen formulas: the oneDNN GEMM, the fused linear, the
// fused attention (forward and backward, with padding and dropout), dropout and pooling.
#include <cmath>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <gtest/gtest.h>

#include "model/attention_kernel.h"
#include "model/dropout.h"
#include "model/gelu.h"
#include "model/gemm.h"
#include "model/linear.h"
#include "model/pooling.h"
#include "model_test_util.h"

namespace mtrec::model {
namespace {

using test::maxAbsDiff;

class LayersTest : public ::testing::Test {
protected:
    void SetUp() override {
        at::set_num_threads(2);
        at::manual_seed(42);
    }
};

TEST_F(LayersTest, SgemmMatchesDoubleProductForEveryTransposeAndLeadingDimension) {
    const int64_t m = 37, n = 29, k = 53;
    for (bool transA : {false, true})
        for (bool transB : {false, true}) {
            // Stored with a wider row stride than needed, to exercise lda/ldb/ldc.
            at::Tensor aStore = at::randn({transA ? k : m, (transA ? m : k) + 3});
            at::Tensor bStore = at::randn({transB ? n : k, (transB ? k : n) + 5});
            at::Tensor c = at::full({m, n + 2}, 7.0f);
            sgemm(transA, transB, m, n, k, 0.5f, aStore.data_ptr<float>(), aStore.size(1),
                  bStore.data_ptr<float>(), bStore.size(1), 2.0f, c.data_ptr<float>(), n + 2);
            at::Tensor a = aStore.narrow(1, 0, transA ? m : k).to(at::kDouble);
            at::Tensor b = bStore.narrow(1, 0, transB ? k : n).to(at::kDouble);
            at::Tensor expected = at::mm(transA ? a.t() : a, transB ? b.t() : b).mul(0.5).add(14.0);
            EXPECT_LT(maxAbsDiff(c.narrow(1, 0, n), expected), 1e-4) << transA << transB;
            EXPECT_EQ(c.narrow(1, n, 2).eq(7.0f).all().item<bool>(), true);  // padding untouched
        }
}

TEST_F(LayersTest, LinearForwardAndGradientsMatchAddmm) {
    at::Tensor x = at::randn({3, 4, 6}).requires_grad_();
    at::Tensor w = at::randn({5, 6}).requires_grad_();
    at::Tensor b = at::randn({5}).requires_grad_();
    at::Tensor upstream = at::randn({3, 4, 5});

    at::Tensor y = linear(x, w, b);
    ASSERT_EQ(y.sizes(), at::IntArrayRef({3, 4, 5}));
    (y * upstream).sum().backward();
    const at::Tensor gx = x.grad().clone(), gw = w.grad().clone(), gb = b.grad().clone();
    x.grad().zero_(), w.grad().zero_(), b.grad().zero_();

    at::Tensor reference = at::addmm(b, x.reshape({-1, 6}), w.t()).view({3, 4, 5});
    (reference * upstream).sum().backward();
    EXPECT_LT(maxAbsDiff(y, reference), 1e-5);
    EXPECT_LT(maxAbsDiff(gx, x.grad()), 1e-5);
    EXPECT_LT(maxAbsDiff(gw, w.grad()), 1e-5);
    EXPECT_LT(maxAbsDiff(gb, b.grad()), 1e-5);
}

TEST_F(LayersTest, LinearAcceptsNonContiguousInputAndSingleRowsWithoutGrad) {
    at::Tensor x = at::randn({6, 4}).t();  // [4, 6], column-major
    at::Tensor w = at::randn({3, 6});
    at::Tensor b = at::randn({3});
    at::NoGradGuard noGrad;
    EXPECT_LT(maxAbsDiff(linear(x, w, b), at::addmm(b, x, w.t())), 1e-5);
    // One row: the accumulator must not alias the bias (it once did, and the bias drifted).
    const at::Tensor biasBefore = b.clone();
    const at::Tensor one = at::randn({1, 6});
    EXPECT_LT(maxAbsDiff(linear(one, w, b), at::addmm(b, one, w.t())), 1e-5);
    EXPECT_TRUE(b.equal(biasBefore));
}

/// Attention from plain ATen ops (what Hugging Face's code does), with an optional dropout mask.
at::Tensor referenceAttention(const at::Tensor& qkv, const at::Tensor& keyBias, int64_t heads,
                              const at::Tensor& dropMask = {}) {
    const int64_t batch = qkv.size(0), seq = qkv.size(1), hidden = qkv.size(2) / 3;
    const int64_t d = hidden / heads;
    auto split = [&](int64_t part) {
        return qkv.narrow(2, part * hidden, hidden)
            .view({batch, seq, heads, d})
            .permute({0, 2, 1, 3});
    };
    at::Tensor scores = at::matmul(split(0), split(1).transpose(-1, -2)) / std::sqrt(double(d));
    at::Tensor probs = at::softmax(scores + keyBias.view({batch, 1, 1, seq}), -1);
    if (dropMask.defined()) probs = probs * dropMask;
    return at::matmul(probs, split(2)).permute({0, 2, 1, 3}).reshape({batch, seq, hidden});
}

TEST_F(LayersTest, AttentionMatchesReferenceWithPaddingForwardAndBackward) {
    const int64_t heads = 4;
    at::Tensor qkv = at::randn({3, 7, 3 * 16}).mul_(2.0).requires_grad_();
    at::Tensor mask = at::ones({3, 7}, at::kLong);
    mask[1].narrow(0, 4, 3).zero_();
    mask[2].narrow(0, 1, 6).zero_();
    const at::Tensor keyBias = keyBiasFromMask(mask);
    EXPECT_EQ(keyBias[1][5].item<float>(), kMaskedKeyBias);
    EXPECT_EQ(keyBias[1][3].item<float>(), 0.0f);

    at::Tensor upstream = at::randn({3, 7, 16});
    at::Tensor out = attention(qkv, keyBias, heads, 0.0, true);
    (out * upstream).sum().backward();
    const at::Tensor grad = qkv.grad().clone();
    qkv.grad().zero_();
    at::Tensor expected = referenceAttention(qkv, keyBias, heads);
    (expected * upstream).sum().backward();
    EXPECT_LT(maxAbsDiff(out, expected), 1e-5);
    EXPECT_LT(maxAbsDiff(grad, qkv.grad()), 1e-5);
    {
        at::NoGradGuard noGrad;  // the inference path (in-place softmax) gives the same values
        EXPECT_LT(maxAbsDiff(attention(qkv, keyBias, heads, 0.0, false), expected), 1e-5);
    }
    // Row 2 sees only its first key: its context is that key's value for every query.
    const at::Tensor value0 = qkv.narrow(2, 32, 16)[2][0];
    for (int64_t q = 0; q < 7; ++q) EXPECT_LT(maxAbsDiff(out[2][q], value0), 1e-5);
}

TEST_F(LayersTest, AttentionDropoutUsesTheSeededMaskInForwardAndBackward) {
    at::Tensor qkv = at::randn({2, 5, 3 * 8}).requires_grad_();
    const at::Tensor keyBias = at::zeros({2, 5});
    at::Tensor upstream = at::randn({2, 5, 8});

    at::manual_seed(7);
    at::Tensor out = attention(qkv, keyBias, 2, 0.3, true);
    (out * upstream).sum().backward();
    const at::Tensor grad = qkv.grad().clone();
    qkv.grad().zero_();

    at::manual_seed(7);
    const at::Tensor dropMask = dropoutMask(at::empty({2, 2, 5, 5}), 0.3);
    EXPECT_GT(dropMask.eq(0).sum().item<int64_t>(), 0);
    at::Tensor expected = referenceAttention(qkv, keyBias, 2, dropMask);
    (expected * upstream).sum().backward();
    EXPECT_LT(maxAbsDiff(out, expected), 1e-5);
    EXPECT_LT(maxAbsDiff(grad, qkv.grad()), 1e-5);
}

TEST_F(LayersTest, AttentionWithEveryKeyMaskedAveragesInsteadOfNaN) {
    at::Tensor qkv = at::randn({1, 4, 3 * 8});
    const at::Tensor keyBias = at::full({1, 4}, kMaskedKeyBias);
    at::Tensor out = attention(qkv, keyBias, 2, 0.0, false);
    const at::Tensor meanValue = qkv.narrow(2, 16, 8)[0].mean(0);
    for (int64_t q = 0; q < 4; ++q) EXPECT_LT(maxAbsDiff(out[0][q], meanValue), 1e-5);
}

TEST_F(LayersTest, DropoutDropsTheAskedShareAndScalesTheRest) {
    const at::Tensor x = at::ones({1000, 1000});
    const at::Tensor y = model::dropout(x, 0.1, true);
    const double dropped = y.eq(0).to(at::kDouble).mean().item<double>();
    EXPECT_NEAR(dropped, 0.1, 0.002);  // binomial sd over 10^6 draws is 0.0003
    const at::Tensor kept = y.masked_select(y.ne(0));
    // p is used as 6554 / 2^16 = 0.1000061, and the kept value is exact for that.
    EXPECT_LT(maxAbsDiff(kept, at::full_like(kept, 65536.0 / (65536.0 - 6554.0))), 1e-7);
    EXPECT_NEAR(y.mean().item<double>(), 1.0, 0.003);
}

TEST_F(LayersTest, DropoutIsSkippedInEvalModeAndWhenZero) {
    const at::Tensor x = at::randn({10});
    const at::Tensor stateBefore = at::detail::getDefaultCPUGenerator().get_state();
    EXPECT_TRUE(model::dropout(x, 0.5, false).is_same(x));
    EXPECT_TRUE(model::dropout(x, 0.0, true).is_same(x));
    at::Tensor copy = x.clone();
    EXPECT_TRUE(dropoutInPlace(copy, 0.5, false).equal(x));
    EXPECT_TRUE(at::detail::getDefaultCPUGenerator().get_state().equal(stateBefore));
}

TEST_F(LayersTest, DropoutMaskFollowsTheGlobalSeedAndNotTheThreadCount) {
    at::manual_seed(3);
    const at::Tensor first = dropoutMask(at::empty({300001}), 0.25);
    at::set_num_threads(1);
    at::manual_seed(3);
    const at::Tensor second = dropoutMask(at::empty({300001}), 0.25);
    const at::Tensor third = dropoutMask(at::empty({300001}), 0.25);
    EXPECT_TRUE(first.equal(second));
    EXPECT_FALSE(first.equal(third));
    // Elements 4q…4q+3 share one hash: its 16-bit quarters must not be correlated.
    const at::Tensor a = first.narrow(0, 0, 300000).view({75000, 4}).eq(0).to(at::kDouble);
    for (int64_t k = 1; k < 4; ++k) {
        const double both = (a.select(1, 0) * a.select(1, k)).mean().item<double>();
        EXPECT_NEAR(both, 0.25 * 0.25, 0.005) << k;
    }
    EXPECT_NEAR(first.eq(0).to(at::kDouble).mean().item<double>(), 0.25, 0.003);
    // The tail (300001 = 4 · 75000 + 1) is filled too.
    EXPECT_TRUE(first[300000].item<float>() == 0.0f || first[300000].item<float>() > 1.0f);
}

TEST_F(LayersTest, DropoutBackwardMakesTheForwardMaskAgainFromItsSeed) {
    const at::Tensor x = at::randn({301, 7}).requires_grad_();
    const at::Tensor upstream = at::randn({301, 7});
    at::manual_seed(11);
    const at::Tensor mask = dropoutMask(x, 0.3);
    for (const bool inPlace : {false, true}) {
        at::manual_seed(11);
        at::Tensor y = x * 1.0f;  // in place needs a non-leaf
        y = inPlace ? dropoutInPlace(y, 0.3, true) : model::dropout(y, 0.3, true);
        (y * upstream).sum().backward();
        EXPECT_TRUE(y.equal(x.detach() * mask)) << inPlace;
        EXPECT_TRUE(x.grad().equal(upstream * mask)) << inPlace;
        x.grad().zero_();
    }
}

TEST_F(LayersTest, AppliedDropoutMaskEqualsTheFilledOneTailIncluded) {
    const at::Tensor x = at::randn({300003});
    at::Tensor mask = at::empty({300003});
    fillDropoutMask(mask, 0.2, 99);
    EXPECT_TRUE(applyDropoutMask(x, 0.2, 99).equal(x * mask));
    at::Tensor inPlace = x.clone();
    applyDropoutMaskInPlace(inPlace, 0.2, 99);
    EXPECT_TRUE(inPlace.equal(x * mask));
    EXPECT_FALSE(applyDropoutMask(x, 0.2, 100).equal(x * mask));
}

TEST_F(LayersTest, GeluMatchesAtenInValueAndGradientAndIsTheSameWithoutGrad) {
    // 400,001 points over [-12, 12]: odd, so some chunk ends off a vector boundary.
    const at::Tensor x = at::linspace(-12.0, 12.0, 400001).requires_grad_();
    const at::Tensor y = model::gelu(x);
    y.sum().backward();
    const at::Tensor grad = x.grad().clone();
    x.grad().zero_();
    const at::Tensor reference = at::gelu(x);
    reference.sum().backward();
    EXPECT_LT(maxAbsDiff(y, reference), 1e-6);
    EXPECT_LT(maxAbsDiff(grad, x.grad()), 1e-6);
    EXPECT_EQ(y[0].item<float>(), 0.0f);  // x·Φ(x) underflows to 0 at -12
    EXPECT_EQ(y[400000].item<float>(), 12.0f);
    at::NoGradGuard noGrad;
    EXPECT_TRUE(model::gelu(x.detach()).equal(y.detach()));
}

TEST(PoolingTest, MeanPoolAveragesOnlyRealTokensAndClsTakesTheFirst) {
    // Row 0: tokens (1,2), (3,4), padding (100,100); row 1: one token (5,6), then padding.
    const at::Tensor hidden =
        at::tensor({1.f, 2.f, 3.f, 4.f, 100.f, 100.f, 5.f, 6.f, 100.f, 100.f, -9.f, 9.f})
            .view({2, 3, 2});
    const at::Tensor mask = at::tensor({1, 1, 0, 1, 0, 0}, at::kLong).view({2, 3});
    const at::Tensor mean = meanPool(hidden, mask);
    EXPECT_LT(maxAbsDiff(mean, at::tensor({2.f, 3.f, 5.f, 6.f}).view({2, 2})), 1e-6);
    const at::Tensor cls = clsPool(hidden);
    EXPECT_LT(maxAbsDiff(cls, at::tensor({1.f, 2.f, 5.f, 6.f}).view({2, 2})), 1e-6);
    const at::Tensor empty = meanPool(hidden, at::zeros({2, 3}, at::kLong));
    EXPECT_EQ(empty.abs().sum().item<float>(), 0.0f);
}

}  // namespace
}  // namespace mtrec::model
