// The view-shaped reads the GUI draws: language grids, bias grids, step curves, change polling.

#include <gtest/gtest.h>

#include <cmath>

#include "store_test_support.h"

namespace mtrec::store {
namespace {

using mtrec::test::TempDir;
using test::cell;

EvalCell counted(EvalCell c, std::int64_t queries) {
    c.queryCount = queries;
    return c;
}

/// de/en xquad-r cells of map (with query counts), a recall_1 cell and a cell of another suite.
std::int64_t recordGridRun(ExperimentStore& store) {
    const std::int64_t id = test::addRun(store, "r", "hybrid", 1);
    EXPECT_TRUE(store.results().record(
        id, {counted(cell("Mo", "de", "de", 0.5), 10), counted(cell("Cr", "de", "en", 0.25), 10),
             counted(cell("Cr", "en", "de", 0.125), 8), counted(cell("Mo", "en", "en", 0.75), 8),
             counted(cell("Mul", "de", "all", 0.375), 10), cell("Mul", "en", "all", 0.5),
             cell("Mo", "all", "all", 0.625), cell("Mo", "de", "de", 0.9, "recall_1"),
             cell("Mo", "fr", "fr", 0.1, "map", "mlqa-r")}));
    return id;
}

TEST(LanguageGrid, RowsAreQueryLanguagesColumnsCandidatesThenMul) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t id = recordGridRun(store);
    const LanguageGrid grid =
        store.results().languageGrid(id, "xquad-r", eval::Metric::Map).value();
    EXPECT_EQ(grid.layout.rows, (std::vector<std::string>{"de", "en"}));
    EXPECT_EQ(grid.layout.columns, (std::vector<std::string>{"de", "en", "Mul"}));
    ASSERT_EQ(grid.cells.size(), 6u);
    const double expected[2][3] = {{0.5, 0.25, 0.375}, {0.125, 0.75, 0.5}};
    const std::optional<std::int64_t> queries[2][3] = {{10, 10, 10}, {8, 8, std::nullopt}};
    for (std::size_t r = 0; r < 2; ++r)
        for (std::size_t c = 0; c < 3; ++c) {
            EXPECT_DOUBLE_EQ(grid.at(r, c).value, expected[r][c]) << r << "," << c;
            EXPECT_EQ(grid.at(r, c).queries, queries[r][c]) << r << "," << c;
            EXPECT_EQ(grid.at(r, c).runs, 1u);
            EXPECT_TRUE(std::isnan(grid.at(r, c).std));
        }
    EXPECT_EQ(grid.definition, "trec_eval 10 map; pool=de");  // the first Mo cell's

    const LanguageGrid recall =
        store.results().languageGrid(id, "xquad-r", eval::Metric::Recall1).value();
    EXPECT_EQ(recall.layout.rows, std::vector<std::string>{"de"});
    EXPECT_DOUBLE_EQ(recall.at(0, 0).value, 0.9);
    EXPECT_EQ(recall.at(0, 1).runs, 0u);  // no Mul cell: an empty cell
    EXPECT_TRUE(store.results().languageGrid(id, "xquad-r", eval::Metric::P1).value().empty());
    EXPECT_EQ(store.results().suites(id).value(), (std::vector<std::string>{"mlqa-r", "xquad-r"}));
}

TEST(GridLayout, IsSquareOverTheLanguagesWithAllInTheMulColumn) {
    const GridLayout layout =
        GridLayout::of({test::key("Mo", "en", "en"), test::key("Cr", "de", "en"),
                        test::key("Mul", "de", "all"), test::key("Mo", "all", "all")});
    EXPECT_EQ(layout.rows, (std::vector<std::string>{"de", "en"}));
    EXPECT_EQ(layout.columns, (std::vector<std::string>{"de", "en", "Mul"}));
    EXPECT_EQ(layout.indexOf(test::key("Cr", "de", "en")), 1u);
    EXPECT_EQ(layout.indexOf(test::key("Mul", "de", "all")), 2u);
    EXPECT_EQ(layout.indexOf(test::key("Mo", "en", "en")), 4u);
    EXPECT_EQ(layout.indexOf(test::key("Mul", "en", "en")), 4u);  // a bias cell sits at (X, Y)
    EXPECT_EQ(layout.indexOf(test::key("Cr", "en", "de")), 3u);   // square: every pair has a cell
    EXPECT_EQ(layout.indexOf(test::key("Mo", "all", "all")), std::nullopt);
    EXPECT_EQ(layout.indexOf(test::key("Mo", "fr", "fr")), std::nullopt);
}

TEST(BiasGrid, MeanRanksSharesAndRankDistances) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t id = test::addRun(store, "r", "hybrid", 1);
    ASSERT_TRUE(store.results().record(
        id, {cell("Mul", "de", "de", 1.0, "mul_mean_rank"),
             cell("Mul", "de", "en", 4.0, "mul_mean_rank"),
             cell("Mul", "en", "en", 2.0, "mul_mean_rank"),
             cell("Mul", "de", "de", 1.0, "mul_top10_share"),
             cell("Mul", "de", "en", 0.5, "mul_top10_share"),
             cell("Mul", "en", "de", 0.75, "mul_top10_share"),
             cell("Mul", "en", "en", 1.0, "mul_top10_share"),
             counted(cell("Mul", "de", "all", 3.0, "rank_distance"), 5),
             counted(cell("Mul", "en", "all", 7.0, "rank_distance"), 4),
             cell("Mul", "all", "all", 5.0, "rank_distance"), cell("Mul", "de", "all", 0.4)}));
    const BiasGrid bias = store.results().biasGrid(id, "xquad-r").value();
    EXPECT_EQ(bias.languages, (std::vector<std::string>{"de", "en"}));
    ASSERT_EQ(bias.meanRank.size(), 4u);
    EXPECT_DOUBLE_EQ(bias.meanRank[0], 1.0);
    EXPECT_DOUBLE_EQ(bias.meanRank[1], 4.0);
    EXPECT_TRUE(std::isnan(bias.meanRank[2]));  // no en -> de mean rank recorded
    EXPECT_DOUBLE_EQ(bias.meanRank[3], 2.0);
    EXPECT_EQ(bias.top10Share, (std::vector<double>{1.0, 0.5, 0.75, 1.0}));
    EXPECT_EQ(bias.rankDistance, (std::vector<double>{3.0, 7.0}));
    EXPECT_EQ(bias.rankDistanceQueries, (std::vector<std::optional<std::int64_t>>{5, 4}));
    EXPECT_DOUBLE_EQ(bias.meanRankDistance, 5.0);
    EXPECT_TRUE(store.results().biasGrid(id, "mlqa-r").value().empty());
}

TEST(StepCurves, ColumnsSinceAStepWithValidationAndTheLastStep) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t id = test::addRun(store, "r", "hybrid", 1);
    auto writer = store.metricsWriter(id, 1);
    for (std::int64_t step = 1; step <= 4; ++step) {
        StepMetric metric{step, step / 4.0, 3.0 - step * 0.5, step / 8.0, 100.0 * step, {}};
        if (step % 2 == 0) metric.validationLoss = 2.0 / step;
        if (step == 4) metric.validationCrossMrr = 0.25;  // step 2 validated without ranking
        ASSERT_TRUE(writer->add(metric));
    }
    TrainingLog log = store.trainingLog();
    const StepCurves curves = log.curves(id, 2).value();
    EXPECT_EQ(curves.steps, (std::vector<std::int64_t>{3, 4}));
    EXPECT_EQ(curves.loss, (std::vector<double>{1.5, 1.0}));
    EXPECT_EQ(curves.learningRate, (std::vector<double>{0.375, 0.5}));
    EXPECT_EQ(curves.examplesPerSecond, (std::vector<double>{300.0, 400.0}));
    EXPECT_EQ(curves.epoch, (std::vector<double>{0.75, 1.0}));
    EXPECT_EQ(curves.validationSteps, std::vector<std::int64_t>{4});
    EXPECT_EQ(curves.validationLoss, std::vector<double>{0.5});
    EXPECT_EQ(curves.crossMrrSteps, std::vector<std::int64_t>{4});
    EXPECT_EQ(curves.validationCrossMrr, std::vector<double>{0.25});
    EXPECT_EQ(curves.lastStep, 4);
    EXPECT_EQ(log.curves(id).value().validationSteps, (std::vector<std::int64_t>{2, 4}));

    const StepCurves none = log.curves(id, 4).value();
    EXPECT_TRUE(none.steps.empty());
    EXPECT_EQ(none.lastStep, 4);
    ASSERT_TRUE(log.discardAfter(id, 2));  // a resume from step 2: the plot must reload
    EXPECT_EQ(log.curves(id, 4).value().lastStep, 2);
    EXPECT_EQ(log.curves(test::addRun(store, "empty", "mono", 1)).value().lastStep, std::nullopt);
}

TEST(ChangeLog, ReportsRunsWrittenByAnyConnectionSinceAVersion) {
    TempDir dir;
    const auto path = dir.path() / "e.db";
    ExperimentStore viewer = test::openStore(path);
    EXPECT_EQ(viewer.changes().version().value(), 0);
    ExperimentStore writer = test::openStore(path);
    const std::int64_t a = test::addRun(writer, "a", "hybrid", 1);
    const std::int64_t b = test::addRun(writer, "b", "mono", 1);

    StoreChanges seen = viewer.changes().since(0).value();
    EXPECT_EQ(seen.runIds, (std::vector<std::int64_t>{a, b}));
    EXPECT_EQ(seen.version, 2);  // one write each
    EXPECT_TRUE(viewer.changes().since(seen.version).value().runIds.empty());

    // Steps logged by the other connection (a batch of 3 rows in one transaction).
    auto metrics = writer.metricsWriter(a, 3);
    for (std::int64_t step = 1; step <= 3; ++step)
        ASSERT_TRUE(metrics->add(StepMetric{step, 0.0, 1.0, 1e-4, 10.0, {}, {}}));
    StoreChanges next = viewer.changes().since(seen.version).value();
    EXPECT_EQ(next.runIds, std::vector<std::int64_t>{a});
    EXPECT_EQ(next.version, seen.version + 1);  // one version per transaction, not per row
    ASSERT_TRUE(writer.trainingLog().discardAfter(a, 1));  // a resume: the curves must reload
    EXPECT_EQ(viewer.changes().since(next.version).value().runIds, std::vector<std::int64_t>{a});
    next = viewer.changes().since(0).value();

    seen = next;
    ASSERT_TRUE(writer.runs().addTag(b, "paper"));
    ASSERT_TRUE(writer.results().record(a, {cell("Mo", "de", "de", 0.5)}));
    EXPECT_EQ(viewer.changes().since(seen.version).value().runIds,
              (std::vector<std::int64_t>{a, b}));

    seen = viewer.changes().since(0).value();
    // Per-query values recorded after their cell, then the run deleted: both are changes.
    ASSERT_TRUE(writer.results().record(a, {}, {test::perQuery("Mo", "de", "de", "q1", 1.0)}));
    EXPECT_EQ(viewer.changes().since(seen.version).value().runIds, std::vector<std::int64_t>{a});
    seen = viewer.changes().since(0).value();
    ASSERT_TRUE(writer.runs().remove(b));
    EXPECT_EQ(viewer.changes().since(seen.version).value().runIds, std::vector<std::int64_t>{b});
    EXPECT_FALSE(viewer.runs().get(b));
}

}  // namespace
}  // namespace mtrec::store
