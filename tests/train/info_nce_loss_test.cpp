// InfoNCE against values worked out by hand, and its gradients against finite differences.
#include <gtest/gtest.h>

#include <cmath>

#include <ATen/ATen.h>

#include "train/info_nce_loss.h"

namespace mtrec::train {
namespace {

at::Tensor matrix(std::vector<double> values, int64_t rows) {
    return at::tensor(values, at::kDouble).reshape({rows, -1});
}

double lossOf(const at::Tensor& q, const at::Tensor& d, const at::Tensor& h, double scale,
              bool symmetric) {
    return infoNceLoss(q, d, h, {scale, symmetric}).item<double>();
}

const double kRoot = 1.0 / std::sqrt(2.0);

TEST(InfoNceLoss, IdentityPairsByHand) {
    // q = d = I, scale 1: logits = I, each row -log(e / (e + 1)) = log(1 + e^-1).
    const at::Tensor eye = matrix({1, 0, 0, 1}, 2);
    EXPECT_NEAR(lossOf(eye, eye, {}, 1.0, false), std::log(1 + std::exp(-1.0)), 1e-12);
    EXPECT_NEAR(lossOf(eye, eye, {}, 1.0, false), 0.31326168751822286, 1e-12);
    // The default scale 20 (tau 0.05): log(1 + e^-20).
    EXPECT_NEAR(lossOf(eye, eye, {}, 20.0, false), 2.0611536900435727e-09, 1e-15);
}

TEST(InfoNceLoss, InputsAreNormalisedFirst) {
    // d1 = (1, 1) normalises to (r, r), r = 1/sqrt 2. Row 0 logits (1, r): log(1 + e^(r - 1));
    // row 1 logits (0, r): log(1 + e^-r). Mean 0.47911. Scaling any row changes nothing.
    const at::Tensor q = matrix({1, 0, 0, 1}, 2);
    const at::Tensor d = matrix({1, 0, 1, 1}, 2);
    const double expected =
        (std::log(1 + std::exp(kRoot - 1)) + std::log(1 + std::exp(-kRoot))) / 2;
    EXPECT_NEAR(expected, 0.47910964518344756, 1e-12);
    EXPECT_NEAR(lossOf(q, d, {}, 1.0, false), expected, 1e-12);
    EXPECT_NEAR(lossOf(matrix({3, 0, 0, 0.5}, 2), matrix({2, 0, 7, 7}, 2), {}, 1.0, false),
                expected, 1e-12);
}

TEST(InfoNceLoss, HardNegativesAreExtraCandidateColumns) {
    // h = (1, 0) duplicates d0: row 0 logits (1, 0, 1) -> -log(e / (2e + 1)); row 1 logits
    // (0, 1, 0) -> -log(e / (e + 2)).
    const at::Tensor eye = matrix({1, 0, 0, 1}, 2);
    const double e = std::exp(1.0);
    const double expected = (-std::log(e / (2 * e + 1)) - std::log(e / (e + 2))) / 2;
    EXPECT_NEAR(lossOf(eye, eye, matrix({1, 0}, 1), 1.0, false), expected, 1e-12);
    EXPECT_NEAR(expected, 0.706719758995151, 1e-12);
    // No hard negatives (zero rows) is the plain loss.
    EXPECT_NEAR(lossOf(eye, eye, at::zeros({0, 2}, at::kDouble), 1.0, false), 0.31326168751822286,
                1e-12);
}

TEST(InfoNceLoss, SymmetricTermAveragesBothDirections) {
    // Passage -> query logits d_n q_n^T: row 0 (1, 0) -> log(1 + e^-1); row 1 (r, r) -> log 2.
    const at::Tensor q = matrix({1, 0, 0, 1}, 2);
    const at::Tensor d = matrix({1, 0, 1, 1}, 2);
    const double forward = 0.47910964518344756;
    const double backward = (std::log(1 + std::exp(-1.0)) + std::log(2.0)) / 2;
    EXPECT_NEAR(lossOf(q, d, {}, 1.0, true), (forward + backward) / 2, 1e-12);
    EXPECT_NEAR(lossOf(q, d, {}, 1.0, true), 0.49115703961126583, 1e-12);
    // Hard negatives only enter the query -> passage direction.
    const double e = std::exp(1.0);
    const double hardForward = (-std::log(e / (2 * e + 1)) - std::log(e / (e + 2))) / 2;
    const double eyeBackward = std::log(1 + std::exp(-1.0));
    EXPECT_NEAR(lossOf(q, q, matrix({1, 0}, 1), 1.0, true), (hardForward + eyeBackward) / 2, 1e-12);
}

TEST(InfoNceLoss, GradientByHand) {
    // q = d = I, scale 1: dL/dlogits of row 0 = (softmax - onehot) / 2 = (-1, 1) / (2 (e + 1));
    // through q0's normalisation only the part orthogonal to q0 = (1, 0) survives: (0, 1/(2(e+1))).
    const at::Tensor q = matrix({1, 0, 0, 1}, 2).requires_grad_(true);
    const at::Tensor d = matrix({1, 0, 0, 1}, 2);
    infoNceLoss(q, d, {}, {1.0, false}).backward();
    const double g = 1.0 / (2 * (std::exp(1.0) + 1));
    EXPECT_NEAR(q.grad()[0][0].item<double>(), 0.0, 1e-12);
    EXPECT_NEAR(q.grad()[0][1].item<double>(), g, 1e-12);
    EXPECT_NEAR(q.grad()[1][0].item<double>(), g, 1e-12);
    EXPECT_NEAR(q.grad()[1][1].item<double>(), 0.0, 1e-12);
}

TEST(InfoNceLoss, GradientsMatchFiniteDifferences) {
    at::manual_seed(7);
    const at::Tensor q0 = at::randn({4, 5}, at::kDouble);
    const at::Tensor d0 = at::randn({4, 5}, at::kDouble);
    const at::Tensor h0 = at::randn({2, 5}, at::kDouble);
    for (bool symmetric : {false, true}) {
        const InfoNceOptions options{3.0, symmetric};
        at::Tensor q = q0.clone().requires_grad_(true);
        at::Tensor d = d0.clone().requires_grad_(true);
        at::Tensor h = h0.clone().requires_grad_(true);
        infoNceLoss(q, d, h, options).backward();
        const double step = 1e-6;
        for (at::Tensor* input : {&q, &d, &h}) {
            for (int64_t i = 0; i < input->numel(); ++i) {
                at::Tensor plus = input->detach().clone();
                at::Tensor minus = input->detach().clone();
                plus.view(-1)[i] += step;
                minus.view(-1)[i] -= step;
                const auto evaluate = [&](const at::Tensor& changed) {
                    return infoNceLoss(input == &q ? changed : q.detach(),
                                       input == &d ? changed : d.detach(),
                                       input == &h ? changed : h.detach(), options)
                        .item<double>();
                };
                const double numeric = (evaluate(plus) - evaluate(minus)) / (2 * step);
                EXPECT_NEAR(input->grad().view(-1)[i].item<double>(), numeric, 1e-7);
            }
        }
    }
}

TEST(InfoNceLoss, AGradientStepLowersTheLoss) {
    at::manual_seed(3);
    at::Tensor q = at::randn({8, 16}).requires_grad_(true);
    const at::Tensor d = at::randn({8, 16});
    const at::Tensor before = infoNceLoss(q, d, {}, {});
    before.backward();
    const at::Tensor after = infoNceLoss(q.detach() - 0.01 * q.grad(), d, {}, {});
    EXPECT_LT(after.item<float>(), before.item<float>());
    EXPECT_EQ(before.scalar_type(), at::kFloat);
    EXPECT_EQ(before.dim(), 0);
}

TEST(InfoNceLoss, RefusesShapesThatDoNotFit) {
    const at::Tensor a = at::zeros({2, 3});
    EXPECT_THROW(infoNceLoss(a, at::zeros({3, 3}), {}, {}), std::invalid_argument);
    EXPECT_THROW(infoNceLoss(a, a, at::zeros({1, 4}), {}), std::invalid_argument);
    EXPECT_THROW(infoNceLoss(at::zeros({3}), at::zeros({3}), {}, {}), std::invalid_argument);
}

}  // namespace
}  // namespace mtrec::train
