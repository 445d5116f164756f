#include <gtest/gtest.h>

#include <cmath>
#include <thread>
#include <vector>

#include "analysis/significance.h"

namespace mtrec::store {
namespace {

using namespace mtrec::analysis;

// Reference values from mpmath.betainc(a, b, 0, x, regularized=True) at 30 digits.
TEST(IncompleteBeta, MatchesReferenceValues) {
    EXPECT_NEAR(regularizedIncompleteBeta(2, 3, 0.5), 0.6875,
                1e-14);  // = 11/16 by the binomial sum
    EXPECT_NEAR(regularizedIncompleteBeta(2.5, 1, 0.3), std::pow(0.3, 2.5), 1e-14);
    EXPECT_NEAR(regularizedIncompleteBeta(1, 3, 0.2), 1 - std::pow(0.8, 3), 1e-14);
    EXPECT_NEAR(regularizedIncompleteBeta(7.3, 7.3, 0.5), 0.5, 1e-13);
    EXPECT_NEAR(regularizedIncompleteBeta(0.5, 0.5, 0.1), 0.204832764699133457539, 1e-13);
    EXPECT_NEAR(regularizedIncompleteBeta(50, 60, 0.4), 0.124706858343100360085, 1e-12);
    EXPECT_NEAR(regularizedIncompleteBeta(595, 0.5, 0.9) / 4.31667133615725073921943645085e-29, 1.0,
                1e-9);
    EXPECT_EQ(regularizedIncompleteBeta(2, 3, 0.0), 0.0);
    EXPECT_EQ(regularizedIncompleteBeta(2, 3, 1.0), 1.0);
    EXPECT_THROW(regularizedIncompleteBeta(0, 3, 0.5), std::invalid_argument);
    EXPECT_THROW(regularizedIncompleteBeta(2, 3, 1.5), std::invalid_argument);
}

TEST(StudentT, TwoSidedPValues) {
    EXPECT_NEAR(studentTwoSidedP(2.0, 10), 0.0733880347707403751, 1e-12);
    EXPECT_NEAR(studentTwoSidedP(-2.0, 10), 0.0733880347707403751, 1e-12);
    EXPECT_NEAR(studentTwoSidedP(2.228138851986, 10), 0.05, 1e-11);  // the 97.5 % quantile
    EXPECT_NEAR(studentTwoSidedP(1.0, 1), 0.5, 1e-14);               // Cauchy: P(|T| > 1) = 1/2
    EXPECT_NEAR(studentTwoSidedP(10.0, 30) / 4.57525140822961703740e-11, 1.0, 1e-9);
    EXPECT_NEAR(studentTwoSidedP(0.5, 1189), 0.617167597293246661574, 1e-12);
    EXPECT_NEAR(studentTwoSidedP(4.0, 1189), 6.72522066965229545647e-5, 1e-15);
    EXPECT_EQ(studentTwoSidedP(0.0, 5), 1.0);
}

// ThreadSanitizer (scripts/sanitize.sh thread) found std::lgamma writing the global `signgam` from
// the parallel threads of a run comparison; under TSan this test fails on that race, and in every
// build it checks that concurrent p-values are the serial ones.
TEST(StudentT, PValuesFromSeveralThreadsAtOnce) {
    std::vector<double> p(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < p.size(); ++i)
        threads.emplace_back([&p, i] {
            for (int repeat = 0; repeat < 100; ++repeat) p[i] = studentTwoSidedP(2.0, 10);
        });
    for (std::thread& thread : threads) thread.join();
    for (const double value : p) EXPECT_NEAR(value, 0.0733880347707403751, 1e-12);
}

// d = a - b = (1, 2, 3): mean 2, sample sd 1, t = 2 / (1 / sqrt 3) = sqrt 12, df = 2, and for two
// degrees of freedom P(|T| >= t) = 1 - t / sqrt(t^2 + 2) = 1 - sqrt(12/14).
TEST(PairedTTest, HandWorkedCase) {
    const PairedTest t = pairedTTest({1, 2, 3}, {0, 0, 0});
    EXPECT_EQ(t.n, 3u);
    EXPECT_DOUBLE_EQ(t.meanDiff, 2.0);
    EXPECT_NEAR(t.statistic, std::sqrt(12.0), 1e-14);
    EXPECT_NEAR(t.p, 1.0 - std::sqrt(12.0 / 14.0), 1e-13);
    EXPECT_NEAR(t.p, 0.0741799002274485384, 1e-13);
}

TEST(PairedTTest, IdenticalSamplesGiveOneAndAConstantShiftGivesZero) {
    const std::vector<double> a = {0.1, 0.5, 0.9, 0.3};
    EXPECT_EQ(pairedTTest(a, a).p, 1.0);
    std::vector<double> shifted = a;
    for (double& v : shifted) v += 0.25;
    const PairedTest t = pairedTTest(shifted, a);
    EXPECT_EQ(t.p, 0.0);
    EXPECT_DOUBLE_EQ(t.meanDiff, 0.25);
    EXPECT_THROW(pairedTTest({1.0}, {2.0}), std::invalid_argument);
    EXPECT_THROW(pairedTTest({1.0, 2.0}, {2.0}), std::invalid_argument);
}

TEST(PairedRandomizationTest, IdenticalRunsGiveExactlyOne) {
    const std::vector<double> a = {0.2, 1.0, 0.0, 0.5, 0.333};
    const PairedTest r = pairedRandomizationTest(a, a, 10000, 7);
    EXPECT_EQ(r.p, 1.0);
    EXPECT_EQ(r.statistic, 0.0);
}

// With 30 differences all equal to +0.1, only the two all-same-sign flips reach the observed |mean|
// (chance 2 / 2^30), so essentially no permutation does and p = 1 / (10000 + 1).
TEST(PairedRandomizationTest, ConstantShiftGivesTheSmallestPossibleP) {
    std::vector<double> b(30), a(30);
    for (int i = 0; i < 30; ++i) {
        b[i] = 0.01 * i;
        a[i] = b[i] + 0.1;
    }
    const PairedTest r = pairedRandomizationTest(a, b, 10000, 1);
    EXPECT_DOUBLE_EQ(r.p, 1.0 / 10001.0);
    EXPECT_NEAR(r.meanDiff, 0.1, 1e-12);
}

// d = (1, 2, 3): of the 8 sign patterns the sums are ±6, ±4, ±2, ±0; |sum| >= 6 for 2 of them, so
// the exact p is 1/4 and the Monte Carlo estimate with 100,000 permutations has sd
// sqrt(.25*.75/1e5) = 0.0014.
TEST(PairedRandomizationTest, HandWorkedCaseApproachesTheExactQuarter) {
    const PairedTest r = pairedRandomizationTest({1, 2, 3}, {0, 0, 0}, 100000, 2024);
    EXPECT_NEAR(r.p, 0.25, 0.006);
    EXPECT_DOUBLE_EQ(r.statistic, 2.0);
}

TEST(PairedRandomizationTest, SameSeedSameP) {
    const std::vector<double> a = {0.3, 0.1, 0.7, 0.2, 0.9, 0.4, 0.5, 0.45};
    const std::vector<double> b = {0.2, 0.2, 0.5, 0.25, 0.6, 0.4, 0.35, 0.5};
    const double p1 = pairedRandomizationTest(a, b, 20000, 99).p;
    EXPECT_EQ(p1, pairedRandomizationTest(a, b, 20000, 99).p);
    // Exact p by enumerating all 256 sign patterns, for comparison with the estimate.
    double observed = 0;
    for (std::size_t i = 0; i < a.size(); ++i) observed += a[i] - b[i];
    int atLeast = 0;
    for (int mask = 0; mask < 256; ++mask) {
        double sum = 0;
        for (int i = 0; i < 8; ++i) sum += ((mask >> i) & 1 ? -1 : 1) * (a[i] - b[i]);
        atLeast += std::fabs(sum) >= std::fabs(observed) - 1e-12;
    }
    EXPECT_NEAR(p1, atLeast / 256.0, 0.01);
}

// p = (0.01, 0.04, 0.03, 0.005): sorted 0.005*4 = 0.02, 0.01*3 = 0.03, 0.03*2 = 0.06, 0.04*1 = 0.04
// -> 0.06 (kept monotone), back in the given order.
TEST(HolmBonferroni, HandWorkedCase) {
    const std::vector<double> adjusted = holmBonferroni({0.01, 0.04, 0.03, 0.005});
    ASSERT_EQ(adjusted.size(), 4u);
    EXPECT_DOUBLE_EQ(adjusted[0], 0.03);
    EXPECT_DOUBLE_EQ(adjusted[1], 0.06);
    EXPECT_DOUBLE_EQ(adjusted[2], 0.06);
    EXPECT_DOUBLE_EQ(adjusted[3], 0.02);
    EXPECT_EQ(holmBonferroni({0.5, 0.6}), (std::vector<double>{1.0, 1.0}));
    EXPECT_TRUE(holmBonferroni({}).empty());
}

}  // namespace
}  // namespace mtrec::store
