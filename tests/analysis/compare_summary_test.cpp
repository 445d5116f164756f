#include <gtest/gtest.h>

#include <cmath>

#include "analysis/compare_summary.h"
#include "analysis/setting_comparison.h"
#include "store_test_support.h"

namespace mtrec::analysis {
namespace {

using eval::Setting;
using store::CellKey;

const CellKey kCrDeEn{"xquad-r", Setting::Cr, "de", "en"};
const CellKey kCrEnDe{"xquad-r", Setting::Cr, "en", "de"};
const CellKey kMoDe{"xquad-r", Setting::Mo, "de", "de"};
const CellKey kMoEn{"xquad-r", Setting::Mo, "en", "en"};

std::vector<store::QueryValue> values(const std::vector<double>& v) {
    std::vector<store::QueryValue> out;
    for (std::size_t i = 0; i < v.size(); ++i) out.push_back({"q" + std::to_string(i), v[i]});
    return out;
}

// Cr de->en holds q0, q1 (weight 1/(2 cells · 2 queries) each), Cr en->de q0..q3 (1/(2 · 4)):
// six queries, each pair = 6 · weight · value. A: de 6/4 · (0.8, 0.4) = (1.2, 0.6), en 6/8 ·
// (0.1, 0.2, 0.3, 0.4) = (0.075, 0.15, 0.225, 0.3); mean 2.55 / 6 = 0.425 = (0.6 + 0.25) / 2,
// the macro average of the two cells' means.
TEST(SettingSample, WeightsQueriesSoTheMeanIsTheMacroAverage) {
    PerQueryByCell a, b;
    a[kCrDeEn] = values({0.8, 0.4});
    a[kCrDeEn].push_back({"q9", 1.0});  // B lacks q9 in this cell: not paired
    b[kCrDeEn] = values({0.2, 0.2});
    a[kCrEnDe] = values({0.1, 0.2, 0.3, 0.4});
    b[kCrEnDe] = values({0.0, 0.0, 0.0, 0.0});
    a[kMoDe] = b[kMoDe] = values({1.0, 1.0});                     // another setting
    a[{"mlqa-r", Setting::Cr, "de", "en"}] = values({1.0, 1.0});  // another suite
    const SettingSample s = settingSample(a, b, "xquad-r", Setting::Cr);
    EXPECT_EQ(s.cells, 2u);
    const std::vector<double> expectA{1.2, 0.6, 0.075, 0.15, 0.225, 0.3};
    const std::vector<double> expectB{0.3, 0.3, 0.0, 0.0, 0.0, 0.0};
    ASSERT_EQ(s.a.size(), expectA.size());
    for (std::size_t i = 0; i < expectA.size(); ++i) {
        EXPECT_NEAR(s.a[i], expectA[i], 1e-12) << i;
        EXPECT_NEAR(s.b[i], expectB[i], 1e-12) << i;
    }
}

TEST(SettingSample, AQueryInSeveralCellsOfItsLanguageIsOnePair) {
    PerQueryByCell a, b;
    const CellKey deFr{"xquad-r", Setting::Cr, "de", "fr"};
    a[kCrDeEn] = values({0.2, 0.4});
    a[deFr] = values({0.6, 0.0});
    b = a;
    const SettingSample s = settingSample(a, b, "xquad-r", Setting::Cr);
    // Two queries, each the mean over its two cells: (0.2 + 0.6) / 2, (0.4 + 0) / 2.
    ASSERT_EQ(s.a.size(), 2u);
    EXPECT_NEAR(s.a[0], 0.4, 1e-12);
    EXPECT_NEAR(s.a[1], 0.2, 1e-12);
}

/// Two Mo cells of 15 queries each; B is `shift` lower on every query.
std::pair<PerQueryByCell, PerQueryByCell> moCells(double shift) {
    PerQueryByCell a, b;
    for (const CellKey& key : {kMoDe, kMoEn})
        for (int q = 0; q < 15; ++q) {
            const double v = 0.2 + 0.05 * (q % 5);
            a[key].push_back({"q" + std::to_string(q), v});
            b[key].push_back({"q" + std::to_string(q), v - shift});
        }
    return {a, b};
}

TEST(CompareSetting, AConstantShiftOnThirtyQueriesIsSignificant) {
    const auto [a, b] = moCells(0.1);
    const std::optional<CellComparison> c = compareSetting(a, b, "xquad-r", Setting::Mo, {});
    ASSERT_TRUE(c);
    EXPECT_EQ(c->key, (CellKey{"xquad-r", Setting::Mo, "all", "all"}));
    EXPECT_EQ(c->queries, 30u);
    EXPECT_NEAR(c->meanA, 0.3, 1e-12);  // 0.2 + 0.05 · mean(0..4) = 0.3
    EXPECT_NEAR(c->diff, 0.1, 1e-12);
    // Only flipping no sign or every sign reaches the observed |sum| (a chance of 2^-29 a
    // permutation), so p = 1 / (10,000 + 1); the t-test has no spread: p = 0.
    EXPECT_DOUBLE_EQ(c->pRandomization, 1.0 / 10001.0);
    EXPECT_EQ(c->pTTest, 0.0);
    EXPECT_EQ(c->pRandomizationHolm, c->pRandomization);
}

TEST(CompareSetting, EqualValuesAreNotSignificantAndTooFewPairsAreNoTest) {
    const auto [a, b] = moCells(0.0);
    const std::optional<CellComparison> c = compareSetting(a, b, "xquad-r", Setting::Mo, {});
    ASSERT_TRUE(c);
    EXPECT_EQ(c->diff, 0.0);
    EXPECT_EQ(c->pRandomization, 1.0);
    EXPECT_EQ(c->pTTest, 1.0);
    EXPECT_FALSE(compareSetting(a, b, "xquad-r", Setting::Cr, {}));  // no Cr cells
    PerQueryByCell one;
    one[kMoDe] = values({0.5});
    EXPECT_FALSE(compareSetting(one, one, "xquad-r", Setting::Mo, {}));
}

TEST(CompareSummary, StoredValuesAreMeanAndSampleStdOverTheSidesRuns) {
    using store::test::cell;
    std::vector<std::vector<store::EvalCell>> matrices{
        {cell("Mo", "all", "all", 0.5), cell("Cr", "all", "all", 0.25),
         cell("Mo", "de", "de", 0.9)},
        {cell("Mo", "all", "all", 0.7)}};
    store::EvalCell distance = cell("Mul", "all", "all", 12.0);
    distance.metric = store::BiasMeasure::RankDistance;
    matrices[1].push_back(distance);
    const auto entries = storedSummary(matrices, "xquad-r");
    // Mo: 0.5, 0.7: mean 0.6, sample std sqrt(0.02).
    EXPECT_EQ(entries[0].runs, 2u);
    EXPECT_NEAR(entries[0].value.mean, 0.6, 1e-15);
    EXPECT_NEAR(entries[0].value.std, std::sqrt(0.02), 1e-15);
    EXPECT_EQ(entries[1].runs, 1u);  // Cr in one run only
    EXPECT_EQ(entries[1].value.mean, 0.25);
    EXPECT_TRUE(std::isnan(entries[1].value.std));
    EXPECT_EQ(entries[2].runs, 0u);  // no Mul mAP
    EXPECT_TRUE(std::isnan(entries[2].value.mean));
    EXPECT_EQ(entries[3].value.mean, 12.0);
}

TEST(LanguageSubset, HoldsMoAndMulByQueryLanguageAndCrByBothLanguages) {
    const LanguageSubset seen = LanguageSubset::of({"de", "en"});
    EXPECT_TRUE(seen.holds(kMoDe));
    EXPECT_TRUE(seen.holds(kCrDeEn));
    EXPECT_FALSE(seen.holds({"xquad-r", Setting::Cr, "de", "th"}));  // a mixed pair
    EXPECT_FALSE(seen.holds({"xquad-r", Setting::Mo, "th", "th"}));
    EXPECT_TRUE(seen.holds({"xquad-r", Setting::Mul, "en", "all"}));
    EXPECT_FALSE(seen.holds({"xquad-r", Setting::Mo, "all", "all"}));  // a stored summary
    EXPECT_TRUE(LanguageSubset::all().holds({"xquad-r", Setting::Cr, "de", "th"}));
    EXPECT_EQ(seen.describe(), "de, en");
    EXPECT_EQ(LanguageSubset::all().describe(), "all");
}

TEST(LanguageSubset, SeenIsWhatEveryTrainedRunTrainedOnAndUnseenWhatNoneDid) {
    const std::vector<std::string> suite{"ar", "de", "en", "th"};
    // The untrained run (no languages) is left out; "ar" is trained by one run only.
    const SeenUnseenLanguages split =
        seenUnseenLanguages(suite, {{"de", "en", "es"}, {}, {"ar", "de", "en"}});
    EXPECT_EQ(split.seen, (std::vector<std::string>{"de", "en"}));
    EXPECT_EQ(split.unseen, (std::vector<std::string>{"th"}));
    const SeenUnseenLanguages none = seenUnseenLanguages(suite, {{}, {}});
    EXPECT_TRUE(none.seen.empty());
    EXPECT_TRUE(none.unseen.empty());
}

TEST(CompareSummary, OverASubsetAColumnIsTheMeanOfTheCellsItHolds) {
    using store::test::cell;
    store::EvalCell deDistance = cell("Mul", "de", "all", 10.0, "rank_distance");
    store::EvalCell thDistance = cell("Mul", "th", "all", 30.0, "rank_distance");
    const std::vector<std::vector<store::EvalCell>> matrices{
        {cell("Mo", "all", "all", 0.5), cell("Mo", "de", "de", 0.6), cell("Mo", "en", "en", 0.8),
         cell("Mo", "th", "th", 0.1), cell("Cr", "de", "en", 0.3), cell("Cr", "en", "de", 0.2),
         cell("Cr", "de", "th", 0.05), cell("Mul", "de", "all", 0.4), deDistance, thDistance,
         cell("Mo", "de", "de", 0.9, "map", "mlqa-r")}};
    const auto seen = storedSummary(matrices, "xquad-r", LanguageSubset::of({"de", "en"}));
    EXPECT_NEAR(seen[0].value.mean, 0.7, 1e-15);   // Mo (0.6 + 0.8) / 2, not the stored 0.5
    EXPECT_NEAR(seen[1].value.mean, 0.25, 1e-15);  // Cr (0.3 + 0.2) / 2: de-th is mixed
    EXPECT_EQ(seen[2].value.mean, 0.4);            // Mul of de
    EXPECT_EQ(seen[3].value.mean, 10.0);           // rank distance of de
    const auto unseen = storedSummary(matrices, "xquad-r", LanguageSubset::of({"th"}));
    EXPECT_EQ(unseen[0].value.mean, 0.1);
    EXPECT_EQ(unseen[1].runs, 0u);  // no Cr pair of two unseen languages
    EXPECT_TRUE(std::isnan(unseen[1].perRun[0]));
    EXPECT_EQ(unseen[3].value.mean, 30.0);
    EXPECT_EQ(storedSummary(matrices, "xquad-r")[0].value.mean, 0.5);  // all: the stored summary
}

TEST(SettingSample, ASubsetLeavesOutTheCellsItDoesNotHold) {
    PerQueryByCell a, b;
    const CellKey deTh{"xquad-r", Setting::Cr, "de", "th"};
    a[kCrDeEn] = values({0.2, 0.4});
    a[deTh] = values({0.6, 0.0});
    b = a;
    const SettingSample s =
        settingSample(a, b, "xquad-r", Setting::Cr, LanguageSubset::of({"de", "en"}));
    EXPECT_EQ(s.cells, 1u);
    ASSERT_EQ(s.a.size(), 2u);  // the de-en values alone, not the means with de-th
    EXPECT_NEAR(s.a[0], 0.2, 1e-12);
    EXPECT_NEAR(s.a[1], 0.4, 1e-12);
}

TEST(CompareSummary, HolmCorrectsAcrossEverySideAndColumn) {
    const auto [reference, worse] = moCells(0.1);
    std::vector<SidePerQuery> perQuery(3);
    perQuery[0].averagePrecision.mean = reference;
    perQuery[1].averagePrecision.mean = worse;
    perQuery[2].averagePrecision.mean = reference;  // the same as the reference
    CompareSummary summary;
    summary.suite = "xquad-r";
    summary.sides.resize(3);
    testAgainstReference(summary, perQuery, {});
    EXPECT_EQ(summary.tests, 2u);  // Mo of sides 1 and 2; no Cr, Mul or rank distance values
    EXPECT_FALSE(summary.sides[0].entries[0].vsReference);
    const auto& worseMo = summary.sides[1].entries[0];
    ASSERT_TRUE(worseMo.vsReference);
    EXPECT_NEAR(worseMo.vsReference->diff, -0.1, 1e-12);  // side − reference
    EXPECT_DOUBLE_EQ(worseMo.vsReference->pRandomizationHolm, 2.0 / 10001.0);
    EXPECT_TRUE(summary.significant(worseMo));
    const auto& sameMo = summary.sides[2].entries[0];
    ASSERT_TRUE(sameMo.vsReference);
    EXPECT_EQ(sameMo.vsReference->pRandomizationHolm, 1.0);
    EXPECT_FALSE(summary.significant(sameMo));
    EXPECT_FALSE(summary.sides[1].entries[1].vsReference);
}

TEST(CompareSummary, ReadsTheSidesFromTheStore) {
    mtrec::test::TempDir dir;
    store::ExperimentStore store = store::test::openStore(dir.path() / "e.db");
    const std::int64_t a = store::test::addRun(store, "a", "hybrid", 1);
    const std::int64_t b = store::test::addRun(store, "b", "multitask", 1);
    for (const auto& [run, shift] : {std::pair{a, 0.0}, std::pair{b, 0.1}}) {
        std::vector<store::PerQueryValue> perQuery;
        for (int q = 0; q < 30; ++q)
            perQuery.push_back(
                {kMoDe, eval::Metric::Map, "q" + std::to_string(q), 0.2 + 0.05 * (q % 5) - shift});
        ASSERT_TRUE(store.results()
                        .record(run,
                                {store::test::cell("Mo", "de", "de", 0.3 - shift),
                                 store::test::cell("Mo", "all", "all", 0.3 - shift)},
                                perQuery)
                        .ok());
    }
    auto results = store.results();
    std::vector<SidePerQuery> sides;
    for (std::int64_t run : {a, b})
        sides.push_back(loadSidePerQuery(results, {run}, "xquad-r").value());
    EXPECT_TRUE(sides[0].rankDistance.empty());
    const Result<CompareSummary> summary = summarizeSides(results, sides, "xquad-r");
    ASSERT_TRUE(summary.ok()) << summary.error().message;
    EXPECT_NEAR(summary.value().sides[1].entries[0].value.mean, 0.2, 1e-12);
    EXPECT_NEAR(summary.value().sides[1].entries[0].vsReference->diff, -0.1, 1e-12);
    EXPECT_TRUE(summary.value().significant(summary.value().sides[1].entries[0]));
    EXPECT_FALSE(summarizeSides(results, {}, "xquad-r").ok());
}

}  // namespace
}  // namespace mtrec::analysis
