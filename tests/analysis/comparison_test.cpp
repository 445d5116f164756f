#include <gtest/gtest.h>

#include <random>

#include <cmath>

#include "analysis/run_comparison.h"
#include "analysis/seed_groups.h"
#include "store_test_support.h"

namespace mtrec::store {
namespace {

using namespace mtrec::analysis;

using mtrec::test::TempDir;

TEST(SeedGroups, ConfigWithoutSeedDropsSeedKeysAtAnyDepthAndSortsKeys) {
    EXPECT_EQ(configWithoutSeed(R"({"strategy":"hybrid","seed":3,"train":{"lr":3e-5,"seed":9}})"),
              R"({"strategy":"hybrid","train":{"lr":3e-05}})");
    EXPECT_EQ(configWithoutSeed(R"({"b":1, "a":2})"), R"({"a":2,"b":1})");
    EXPECT_EQ(configWithoutSeed("not json"), "not json");
}

TEST(SeedGroups, RunsDifferingOnlyInSeedShareAGroup) {
    std::vector<RunRecord> runs(4);
    runs[0].id = 1, runs[0].seed = 1, runs[0].configJson = R"({"alpha":0.5,"seed":1})";
    runs[1].id = 2, runs[1].seed = 1, runs[1].configJson = R"({"alpha":0.3,"seed":1})";
    runs[2].id = 3, runs[2].seed = 2, runs[2].configJson = R"({"seed":2, "alpha":0.5})";
    runs[3].id = 4, runs[3].seed = 3, runs[3].configJson = R"({"alpha":0.5,"seed":3})";
    std::vector<SeedGroup> groups = groupBySeed(runs);
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_EQ(groups[0].runIds, (std::vector<std::int64_t>{1, 3, 4}));
    EXPECT_EQ(groups[0].seeds, (std::vector<std::int64_t>{1, 2, 3}));
    EXPECT_EQ(groups[1].runIds, (std::vector<std::int64_t>{2}));
}

// Values 0.5, 0.6, 0.7: mean 0.6, sample variance ((0.1^2 + 0 + 0.1^2) / 2) = 0.01, std 0.1.
TEST(SeedGroups, AggregateIsMeanAndSampleStd) {
    std::vector<std::vector<EvalCell>> matrices;
    for (double v : {0.5, 0.6, 0.7}) matrices.push_back({test::cell("Mo", "all", "all", v)});
    matrices[0].push_back(test::cell("Cr", "all", "all", 0.2));
    std::vector<CellAggregate> aggregates = aggregateCells(matrices);
    ASSERT_EQ(aggregates.size(), 2u);
    EXPECT_EQ(aggregates[0].key.setting, eval::Setting::Cr);
    EXPECT_EQ(aggregates[0].n, 1u);
    EXPECT_TRUE(std::isnan(aggregates[0].std));
    EXPECT_EQ(aggregates[1].n, 3u);
    EXPECT_NEAR(aggregates[1].mean, 0.6, 1e-15);
    EXPECT_NEAR(aggregates[1].std, 0.1, 1e-15);
}

PerQueryByCell table(const std::vector<std::pair<CellKey, std::vector<double>>>& cells) {
    PerQueryByCell out;
    for (const auto& [key, values] : cells)
        for (std::size_t i = 0; i < values.size(); ++i)
            out[key].push_back({"q" + std::to_string(i), values[i]});
    return out;
}

const CellKey kDe{"xquad-r", eval::Setting::Mo, "de", "de"};
const CellKey kDeEn{"xquad-r", eval::Setting::Cr, "de", "en"};
const CellKey kEn{"xquad-r", eval::Setting::Mo, "en", "en"};

TEST(CompareCells, IdenticalRunsGivePOfOneEverywhere) {
    const PerQueryByCell a = table({{kDe, {0.1, 0.5, 1.0, 0.0}}, {kDeEn, {0.3, 0.2, 0.25, 1.0}}});
    const Comparison c = compareCells(a, a, {});
    ASSERT_EQ(c.cells.size(), 2u);
    for (const CellComparison& cell : c.cells) {
        EXPECT_EQ(cell.pRandomization, 1.0);
        EXPECT_EQ(cell.pTTest, 1.0);
        EXPECT_EQ(cell.pRandomizationHolm, 1.0);
        EXPECT_EQ(cell.diff, 0.0);
    }
}

TEST(CompareCells, ConstantShiftIsSignificantAfterHolm) {
    std::vector<double> base(40), better(40);
    for (int i = 0; i < 40; ++i) {
        base[i] = (i % 7) / 10.0;
        better[i] = base[i] + 0.05;
    }
    const Comparison c =
        compareCells(table({{kDe, better}, {kEn, better}}), table({{kDe, base}, {kEn, base}}), {});
    ASSERT_EQ(c.cells.size(), 2u);
    EXPECT_NEAR(c.cells[0].diff, 0.05, 1e-12);
    EXPECT_DOUBLE_EQ(c.cells[0].pRandomization, 1.0 / 10001.0);
    EXPECT_DOUBLE_EQ(c.cells[0].pRandomizationHolm, 2.0 / 10001.0);  // two cells, both smallest
    EXPECT_EQ(c.cells[0].pTTest, 0.0);
}

TEST(CompareCells, AsAJobReportsEachCellInOrderAndStopsWhenCancelled) {
    const PerQueryByCell a =
        table({{kDe, {0.1, 0.5, 1.0}}, {kDeEn, {0.3, 0.2, 0.9}}, {kEn, {1, 0, 1}}});
    std::vector<Progress> reports;
    const ProgressSink sink = [&reports](const Progress& p) { reports.push_back(p); };
    ComparisonOptions oneThread;  // on several threads, reports come only from the caller's cells
    oneThread.threads = 1;
    Result<Comparison> c = compareCells(a, a, oneThread, sink, CancelToken());
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c.value().cells.size(), 3u);
    ASSERT_EQ(reports.size(), 3u);
    for (std::size_t i = 0; i < reports.size(); ++i) {
        EXPECT_EQ(reports[i].phase, Phase::Comparing);
        EXPECT_EQ(reports[i].done, i + 1);
        EXPECT_EQ(reports[i].total, 3u);
    }
    // Cancelled from the sink (as from another thread) after the first cell: no second cell.
    const CancelToken cancel;
    reports.clear();
    c = compareCells(
        a, a, oneThread, [&](const Progress& p) { reports.push_back(p), cancel.cancel(); }, cancel);
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().message, "cancelled");
    EXPECT_EQ(reports.size(), 1u);
}

TEST(CompareCells, GivesTheSameResultOnAnyNumberOfThreads) {
    PerQueryByCell a, b;
    std::mt19937 random(7);
    std::uniform_real_distribution<double> ap(0.0, 1.0);
    for (int cell = 0; cell < 12; ++cell) {
        const store::CellKey key{"xquad-r", eval::Setting::Cr, "de", "l" + std::to_string(cell)};
        for (int q = 0; q < 30; ++q) {  // B is A shrunk in even cells, A plus noise in odd ones
            const double valueA = ap(random);
            const double valueB = cell % 2 == 0 ? valueA * 0.7 : valueA + ap(random) - 0.5;
            a[key].push_back({"q" + std::to_string(q), valueA});
            b[key].push_back({"q" + std::to_string(q), valueB});
        }
    }
    ComparisonOptions one, four;
    one.threads = 1;
    four.threads = 4;
    const Comparison serial = compareCells(a, b, one);
    const Comparison parallel = compareCells(a, b, four);
    ASSERT_EQ(serial.cells.size(), 12u);
    ASSERT_EQ(parallel.cells.size(), 12u);
    int significant = 0;
    for (std::size_t i = 0; i < serial.cells.size(); ++i) {
        EXPECT_EQ(parallel.cells[i].key, serial.cells[i].key);
        EXPECT_EQ(parallel.cells[i].pRandomization, serial.cells[i].pRandomization);
        EXPECT_EQ(parallel.cells[i].pRandomizationHolm, serial.cells[i].pRandomizationHolm);
        EXPECT_EQ(parallel.cells[i].pTTest, serial.cells[i].pTTest);
        significant += serial.cells[i].pRandomizationHolm < 0.05;
    }
    EXPECT_GT(significant, 0);   // the test has something to compare: some cells differ
    EXPECT_LT(significant, 12);  // and some do not
}

TEST(CompareCells, PairsByQidAndSkipsCellsOnOneSideOnly) {
    PerQueryByCell a, b;
    a[kDe] = {{"q1", 1.0}, {"q2", 0.5}, {"q3", 0.0}, {"q4", 0.9}};
    b[kDe] = {{"q3", 0.0}, {"q2", 0.5}, {"q1", 0.0}};  // q4 unpaired; pairs (1,0), (.5,.5), (0,0)
    a[kEn] = {{"q1", 1.0}, {"q2", 0.5}};
    const Comparison c = compareCells(a, b, {});
    ASSERT_EQ(c.cells.size(), 1u);
    EXPECT_EQ(c.cells[0].queries, 3u);
    EXPECT_NEAR(c.cells[0].meanA, 0.5, 1e-15);
    EXPECT_NEAR(c.cells[0].meanB, 1.0 / 6.0, 1e-15);
    // d = (1, 0, 0): mean 1/3, sd 1/sqrt(3), t = 1, df = 2: p = 1 - 1/sqrt(3).
    EXPECT_NEAR(c.cells[0].pTTest, 1.0 - 1.0 / std::sqrt(3.0), 1e-12);
    EXPECT_EQ(c.skipped, std::vector<CellKey>{kEn});
}

TEST(CompareCells, GroupMeanAveragesSeedsPerQuery) {
    const PerQueryByCell s1 = table({{kDe, {1.0, 0.0, 0.5}}});
    PerQueryByCell s2 = table({{kDe, {0.0, 0.0}}});  // lacks q2: q2 leaves the group
    const PerQueryByCell mean = meanOverRuns({s1, s2});
    ASSERT_EQ(mean.at(kDe).size(), 2u);
    EXPECT_DOUBLE_EQ(mean.at(kDe)[0].value, 0.5);
    EXPECT_DOUBLE_EQ(mean.at(kDe)[1].value, 0.0);
}

TEST(CompareRuns, LoadsPerQueryValuesFromTheStore) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t a = test::addRun(store, "a", "hybrid", 1);
    const std::int64_t b = test::addRun(store, "b", "multitask", 1);
    const std::int64_t empty = test::addRun(store, "empty", "mono", 1);
    for (auto [id, shift] : {std::pair<std::int64_t, double>{a, 0.2}, {b, 0.0}}) {
        std::vector<PerQueryValue> values;
        for (int q = 0; q < 10; ++q)
            values.push_back({kDe, eval::Metric::Map, "q" + std::to_string(q), 0.05 * q + shift});
        ASSERT_TRUE(
            store.results().record(id, {test::cell("Mo", "de", "de", 0.225 + shift)}, values));
    }
    ResultRepository results = store.results();
    Result<Comparison> c = compareRuns(results, {a}, {b}, {});
    ASSERT_TRUE(c) << c.error().message;
    ASSERT_EQ(c.value().cells.size(), 1u);
    EXPECT_NEAR(c.value().cells[0].diff, 0.2, 1e-12);
    // Ten equal differences: only the 2 of 2^10 all-same-sign patterns tie, so p is about 2/1024.
    EXPECT_LT(c.value().cells[0].pRandomization, 0.005);
    EXPECT_EQ(c.value().cells[0].pTTest, 0.0);
    Result<Comparison> none = compareRuns(results, {a}, {empty}, {});
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().message, "run 3 has no per-query map values to compare");
}

}  // namespace
}  // namespace mtrec::store
