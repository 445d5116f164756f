#include <gtest/gtest.h>

#include <cmath>

#include "analysis/run_comparison.h"
#include "analysis/seed_level_test.h"

namespace mtrec::analysis {
namespace {

// A = (1, 3), B = (0, 2): means 2 and 1, both sample variances 2, squared std errors 1 + 1,
// t = 1 / sqrt(2), df = 2^2 / (1 + 1) = 2. With 2 df, two-sided p = 1 - |t| / sqrt(t^2 + 2)
// = 1 - 1 / sqrt(5).
TEST(WelchTTest, TwoAgainstTwoMatchesTheClosedFormOfTwoDegreesOfFreedom) {
    const WelchTest w = welchTTest({1.0, 3.0}, {0.0, 2.0});
    EXPECT_DOUBLE_EQ(w.diff, 1.0);
    EXPECT_NEAR(w.t, 1.0 / std::sqrt(2.0), 1e-15);
    EXPECT_NEAR(w.df, 2.0, 1e-12);
    EXPECT_NEAR(w.p, 1.0 - 1.0 / std::sqrt(5.0), 1e-12);
}

// Three seeds a side 0.1 apart with sample std 0.01 each: t = 0.1 / sqrt(2 · 0.0001 / 3)
// = sqrt(150), df = 4; with 4 df, p = 1 - x (3 - x^2) / 2 for x = t / sqrt(t^2 + 4).
TEST(WelchTTest, ClearlySeparatedSeedsAreSignificant) {
    const WelchTest w = welchTTest({0.30, 0.31, 0.32}, {0.20, 0.21, 0.22});
    EXPECT_NEAR(w.t, std::sqrt(150.0), 1e-9);
    EXPECT_NEAR(w.df, 4.0, 1e-9);
    const double x = std::sqrt(150.0 / 154.0);
    EXPECT_NEAR(w.p, 1.0 - x * (3.0 - x * x) / 2.0, 1e-12);
    EXPECT_LT(w.p, 0.001);
}

TEST(WelchTTest, IdenticalGroupsGivePOfOneAndNoSpreadDecidesByTheMeans) {
    EXPECT_EQ(welchTTest({0.2, 0.3, 0.25}, {0.2, 0.3, 0.25}).p, 1.0);
    EXPECT_EQ(welchTTest({0.5, 0.5}, {0.5, 0.5}).p, 1.0);
    const WelchTest apart = welchTTest({0.5, 0.5}, {0.4, 0.4});
    EXPECT_EQ(apart.p, 0.0);
    EXPECT_TRUE(std::isinf(apart.t));
    EXPECT_THROW(welchTTest({0.5}, {0.4, 0.3}), std::invalid_argument);
}

TEST(SmallestPermutationP, CountsTheSplitsOfTheSeeds) {
    EXPECT_DOUBLE_EQ(smallestPermutationP(3, 3), 0.1);  // 2 of C(6, 3) = 20
    EXPECT_DOUBLE_EQ(smallestPermutationP(2, 2), 2.0 / 6.0);
    EXPECT_DOUBLE_EQ(smallestPermutationP(3, 2), 1.0 / 10.0);
    EXPECT_DOUBLE_EQ(smallestPermutationP(5, 5), 2.0 / 252.0);
}

TEST(SeedLevelTest, NeedsTwoRunsASideAndHolmCountsOnlyTheTested) {
    const SeedLevel single = seedLevelTest({0.3}, {0.2, 0.25});
    EXPECT_FALSE(single.tested());
    EXPECT_EQ(single.valuesA, std::vector<double>{0.3});
    SeedLevel first, untested, third;
    first.p = 0.01;
    third.p = 0.04;
    holmCorrectSeedLevel({&first, &untested, &third});
    EXPECT_DOUBLE_EQ(first.pHolm, 0.02);  // a family of 2: 2 · 0.01, then max(0.02, 0.04)
    EXPECT_TRUE(std::isnan(untested.pHolm));
    EXPECT_DOUBLE_EQ(third.pHolm, 0.04);
}

/// A run's table of one cell: 20 queries valued 0.02 q + offset (q = 0..19, mean 0.19 + offset).
PerQueryByCell run(const store::CellKey& key, double offset) {
    PerQueryByCell out;
    for (int q = 0; q < 20; ++q) out[key].push_back({"q" + std::to_string(q), 0.02 * q + offset});
    return out;
}

// A's three seeds sit 0.15, -0.05 and 0 above B's three (which agree): every query's mean over A's
// seeds is 1/30 above B's, so the paired query-level test is significant; but the seed means of A
// spread with sample std 0.1041 around +1/30, so Welch (B has no spread: df = 2) gives t =
// (1/30) / (0.1041 / sqrt(3)) = 0.5547 and p = 1 - t / sqrt(t^2 + 2) = 0.6349.
TEST(CompareGroups, LargeSeedVarianceIsSignificantOverQueriesButNotOverSeeds) {
    const store::CellKey key{"xquad-r", eval::Setting::Mo, "de", "de"};
    std::vector<PerQueryByCell> a{run(key, 0.15), run(key, -0.05), run(key, 0.0)};
    std::vector<PerQueryByCell> b{run(key, 0.0), run(key, 0.0), run(key, 0.0)};
    a[1][key].push_back({"only-here", 1.0});  // held by one run: in neither level
    const Result<Comparison> c =
        compareGroups(sideTablesOf(a), sideTablesOf(b), {}, {}, CancelToken());
    ASSERT_TRUE(c.ok()) << c.error().message;
    ASSERT_EQ(c.value().cells.size(), 1u);
    const CellComparison& cell = c.value().cells[0];
    EXPECT_EQ(cell.queries, 20u);
    EXPECT_NEAR(cell.diff, 1.0 / 30.0, 1e-12);
    EXPECT_LT(cell.pRandomizationHolm, 0.001);
    ASSERT_EQ(cell.seeds.valuesA.size(), 3u);
    EXPECT_NEAR(cell.seeds.valuesA[0], 0.34, 1e-12);
    EXPECT_NEAR(cell.seeds.valuesA[1], 0.14, 1e-12);
    EXPECT_NEAR(cell.seeds.valuesB[2], 0.19, 1e-12);
    EXPECT_NEAR((cell.seeds.valuesA[0] + cell.seeds.valuesA[1] + cell.seeds.valuesA[2]) / 3.0,
                cell.meanA, 1e-12);
    ASSERT_TRUE(cell.seeds.tested());
    const double t = (1.0 / 30.0) / (std::sqrt(0.0325 / 3.0) / std::sqrt(3.0));
    EXPECT_NEAR(t, 0.5547002, 1e-6);
    EXPECT_NEAR(cell.seeds.p, 1.0 - t / std::sqrt(t * t + 2.0), 1e-9);
    EXPECT_DOUBLE_EQ(cell.seeds.pHolm, cell.seeds.p);  // a family of one
    const SignificanceSummary summary = summarizeSignificance(c.value());
    EXPECT_EQ(summary.significant, 1u);
    EXPECT_EQ(summary.seedTested, 1u);
    EXPECT_EQ(summary.seedSignificant, 0u);
}

TEST(CompareGroups, SingleRunsKeepTheQueryLevelAndLeaveTheSeedLevelUntested) {
    const store::CellKey key{"xquad-r", eval::Setting::Mo, "de", "de"};
    const Result<Comparison> c = compareGroups(
        sideTablesOf({run(key, 0.1)}), sideTablesOf({run(key, 0.0)}), {}, {}, CancelToken());
    ASSERT_TRUE(c.ok());
    const CellComparison& cell = c.value().cells.at(0);
    EXPECT_LT(cell.pRandomizationHolm, 0.001);
    EXPECT_FALSE(cell.seeds.tested());
    EXPECT_TRUE(std::isnan(cell.seeds.pHolm));
    EXPECT_NEAR(cell.seeds.valuesA.at(0), 0.29, 1e-12);
    EXPECT_EQ(summarizeSignificance(c.value()).seedTested, 0u);
}

}  // namespace
}  // namespace mtrec::analysis
