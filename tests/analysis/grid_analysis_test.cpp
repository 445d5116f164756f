// Seed-group grids, A - B delta grids and the baseline comparison of `mtrec runs compare`.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "analysis/baseline_comparison.h"
#include "analysis/grid_analysis.h"
#include "store_test_support.h"

namespace mtrec::store {
namespace {

using namespace mtrec::analysis;
using mtrec::test::TempDir;
using test::cell;

EvalCell counted(EvalCell c, std::int64_t queries) {
    c.queryCount = queries;
    return c;
}

class GroupStore : public ::testing::Test {
protected:
    void SetUp() override {
        store_ = std::make_unique<ExperimentStore>(test::openStore(dir_.path() / "e.db"));
        for (int seed = 1; seed <= 3; ++seed)
            ids_.push_back(test::addRun(*store_, "hybrid s" + std::to_string(seed), "hybrid", seed,
                                        R"({"alpha":0.5,"seed":)" + std::to_string(seed) + "}"));
        other_ = test::addRun(*store_, "multitask", "multitask", 1, R"({"alpha":0.3,"seed":1})");
        // de-de: 0.5, 0.6, 0.7; de-en: 0.2, 0.4 (runs 1 and 2); Mul de: 0.3 (run 1); en-en: 0.8.
        record(ids_[0], {counted(cell("Mo", "de", "de", 0.5), 10), cell("Cr", "de", "en", 0.2),
                         cell("Mul", "de", "all", 0.3), cell("Mo", "all", "all", 0.5)});
        record(ids_[1], {counted(cell("Mo", "de", "de", 0.7), 10), cell("Cr", "de", "en", 0.4),
                         cell("Mo", "all", "all", 0.7)});
        record(ids_[2], {cell("Mo", "de", "de", 0.6), cell("Mo", "en", "en", 0.8),
                         cell("Mo", "all", "all", 0.6)});
    }
    void record(std::int64_t id, const std::vector<EvalCell>& cells) {
        ASSERT_TRUE(store_->results().record(id, cells));
    }

    TempDir dir_;
    std::unique_ptr<ExperimentStore> store_;
    std::vector<std::int64_t> ids_;
    std::int64_t other_ = 0;
};

TEST_F(GroupStore, SeedGroupGridIsMeanAndSampleStdPerCell) {
    ResultRepository results = store_->results();
    const LanguageGrid grid =
        groupLanguageGrid(results, ids_, "xquad-r", eval::Metric::Map).value();
    EXPECT_EQ(grid.layout.rows, (std::vector<std::string>{"de", "en"}));
    EXPECT_EQ(grid.layout.columns, (std::vector<std::string>{"de", "en", "Mul"}));
    EXPECT_NEAR(grid.at(0, 0).value, 0.6, 1e-15);
    EXPECT_NEAR(grid.at(0, 0).std, 0.1, 1e-15);
    EXPECT_EQ(grid.at(0, 0).runs, 3u);
    EXPECT_EQ(grid.at(0, 0).queries, 10);
    EXPECT_NEAR(grid.at(0, 1).value, 0.3, 1e-12);
    EXPECT_NEAR(grid.at(0, 1).std, std::sqrt(0.02), 1e-12);  // (0.1^2 + 0.1^2) / (2 - 1)
    EXPECT_EQ(grid.at(0, 1).runs, 2u);
    EXPECT_EQ(grid.at(0, 1).queries, std::nullopt);
    EXPECT_DOUBLE_EQ(grid.at(0, 2).value, 0.3);
    EXPECT_TRUE(std::isnan(grid.at(0, 2).std));
    EXPECT_EQ(grid.at(1, 0).runs, 0u);  // en-de: no run holds it
    EXPECT_TRUE(std::isnan(grid.at(1, 0).value));
    EXPECT_DOUBLE_EQ(grid.at(1, 1).value, 0.8);
    EXPECT_FALSE(groupLanguageGrid(results, {}, "xquad-r", eval::Metric::Map));
}

TEST_F(GroupStore, SideOfASeedGroupHoldsItsRunsAndAggregates) {
    const ComparedSide side = loadSide(*store_, ids_[1], true).value();
    EXPECT_EQ(side.runIds, ids_);
    EXPECT_EQ(side.first.name, "hybrid s1");
    ASSERT_FALSE(side.aggregates.empty());
    const auto summary = std::find_if(side.aggregates.begin(), side.aggregates.end(),
                                      [](const CellAggregate& a) { return a.key.isSummary(); });
    ASSERT_NE(summary, side.aggregates.end());
    EXPECT_EQ(summary->key, test::key("Mo", "all", "all"));
    EXPECT_EQ(summary->n, 3u);
    EXPECT_NEAR(summary->mean, 0.6, 1e-15);
    EXPECT_NEAR(summary->std, 0.1, 1e-15);
    const ComparedSide single = loadSide(*store_, other_, true).value();
    EXPECT_EQ(single.runIds, std::vector<std::int64_t>{other_});
    EXPECT_EQ(loadSide(*store_, ids_[1], false).value().runIds, std::vector<std::int64_t>{ids_[1]});
    EXPECT_EQ(loadSide(*store_, 99, false).error().message,
              "no run with id 99 in " + store_->path());
}

/// Per-query map values q0..q9 of a cell: 0.05 q + shift.
std::vector<PerQueryValue> ramp(const CellKey& key, double shift) {
    std::vector<PerQueryValue> values;
    for (int q = 0; q < 10; ++q)
        values.push_back({key, eval::Metric::Map, "q" + std::to_string(q), 0.05 * q + shift});
    return values;
}

TEST(DeltaGrid, PerCellDifferencesWithRawAndHolmCorrectedP) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t a = test::addRun(store, "a", "hybrid", 1);
    const std::int64_t b = test::addRun(store, "b", "mono", 1);
    // de-de: A = B + 0.2 on every query; de-en: identical; en-en: A only (not comparable).
    std::vector<PerQueryValue> valuesA = ramp(test::key("Mo", "de", "de"), 0.2);
    for (const auto& v : ramp(test::key("Cr", "de", "en"), 0.0)) valuesA.push_back(v);
    for (const auto& v : ramp(test::key("Mo", "en", "en"), 0.0)) valuesA.push_back(v);
    std::vector<PerQueryValue> valuesB = ramp(test::key("Mo", "de", "de"), 0.0);
    for (const auto& v : ramp(test::key("Cr", "de", "en"), 0.0)) valuesB.push_back(v);
    ASSERT_TRUE(
        store.results().record(a,
                               {cell("Mo", "de", "de", 0.425), cell("Cr", "de", "en", 0.225),
                                cell("Mo", "en", "en", 0.225)},
                               valuesA));
    ASSERT_TRUE(store.results().record(
        b, {cell("Mo", "de", "de", 0.225), cell("Cr", "de", "en", 0.225)}, valuesB));
    ResultRepository results = store.results();
    ComparisonOptions options;
    options.permutations = 2000;
    const DeltaGrid grid = deltaGrid(results, {a}, {b}, "xquad-r", options).value();
    EXPECT_EQ(grid.layout.rows, (std::vector<std::string>{"de", "en"}));
    EXPECT_EQ(grid.layout.columns, (std::vector<std::string>{"de", "en", "Mul"}));
    ASSERT_TRUE(grid.at(0, 0));
    const CellComparison& shifted = *grid.at(0, 0);
    EXPECT_EQ(shifted.queries, 10u);
    EXPECT_NEAR(shifted.meanA, 0.425, 1e-12);
    EXPECT_NEAR(shifted.meanB, 0.225, 1e-12);
    EXPECT_NEAR(shifted.diff, 0.2, 1e-12);
    EXPECT_EQ(shifted.pTTest, 0.0);  // every difference equal and non-zero
    EXPECT_LT(shifted.pRandomization, 0.01);
    // Holm over the two compared cells: the smaller p doubled, the other (1) stays 1.
    EXPECT_DOUBLE_EQ(shifted.pRandomizationHolm, 2 * shifted.pRandomization);
    ASSERT_TRUE(grid.at(0, 1));
    EXPECT_EQ(grid.at(0, 1)->diff, 0.0);
    EXPECT_EQ(grid.at(0, 1)->pRandomization, 1.0);
    EXPECT_EQ(grid.at(0, 1)->pTTestHolm, 1.0);
    EXPECT_FALSE(grid.at(0, 2));  // no Mul cell
    EXPECT_FALSE(grid.at(1, 1));  // en-en on A only
    EXPECT_EQ(grid.groupA, std::vector<std::int64_t>{a});
}

TEST_F(GroupStore, MeanRankDifferenceOfAGroupAndARunHasNoTest) {
    // Group (runs 1, 2): de->en ranks 4 and 6 (mean 5), de->de 1 and 1; the other run: de->en 2,
    // de->de 1.5, en->en 3 (which the group lacks).
    const auto rank = [](const char* q, const char* c, double value) {
        return cell("Mul", q, c, value, "mul_mean_rank");
    };
    record(ids_[0], {rank("de", "en", 4), rank("de", "de", 1)});
    record(ids_[1], {rank("de", "en", 6), rank("de", "de", 1)});
    record(other_, {rank("de", "en", 2), rank("de", "de", 1.5), rank("en", "en", 3)});
    ResultRepository results = store_->results();
    const Measure measure = BiasMeasure::MulMeanRank;
    const LanguageGrid a =
        groupLanguageGrid(results, {ids_[0], ids_[1]}, "xquad-r", measure).value();
    const LanguageGrid b = groupLanguageGrid(results, {other_}, "xquad-r", measure).value();
    const DeltaGrid delta = gridDifference(a, b);
    EXPECT_EQ(delta.metric, measure);
    EXPECT_EQ(delta.layout.rows, (std::vector<std::string>{"de", "en"}));
    EXPECT_EQ(delta.layout.columns, (std::vector<std::string>{"de", "en", "Mul"}));
    ASSERT_TRUE(delta.at(0, 1));
    EXPECT_DOUBLE_EQ(delta.at(0, 1)->meanA, 5.0);
    EXPECT_DOUBLE_EQ(delta.at(0, 1)->meanB, 2.0);
    EXPECT_DOUBLE_EQ(delta.at(0, 1)->diff, 3.0);
    EXPECT_EQ(delta.at(0, 1)->key, test::key("Mul", "de", "en"));
    EXPECT_TRUE(std::isnan(delta.at(0, 1)->pRandomization));
    EXPECT_TRUE(std::isnan(delta.at(0, 1)->pRandomizationHolm));
    EXPECT_EQ(delta.at(0, 1)->queries, 0u);
    ASSERT_TRUE(delta.at(0, 0));
    EXPECT_DOUBLE_EQ(delta.at(0, 0)->diff, -0.5);
    EXPECT_FALSE(delta.at(1, 1));  // en->en on B only
    EXPECT_FALSE(delta.at(0, 2));  // no Mul column values
}

TEST(SignificanceSummary, CountsHolmCorrectedRandomizationPBelowAlpha) {
    Comparison comparison;
    for (double p : {0.001, 0.04, 0.05, 0.5}) {
        CellComparison cell;
        cell.pRandomizationHolm = p;
        comparison.cells.push_back(cell);
    }
    comparison.skipped = {test::key("Mo", "de", "de")};
    const SignificanceSummary summary = summarizeSignificance(comparison);
    EXPECT_EQ(summary.significant, 2u);
    EXPECT_EQ(summary.compared, 4u);
    EXPECT_EQ(summary.skipped, 1u);
    EXPECT_EQ(summarizeSignificance(comparison, 0.01).significant, 1u);
}

}  // namespace
}  // namespace mtrec::store
