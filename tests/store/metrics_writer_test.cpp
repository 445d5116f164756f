#include <gtest/gtest.h>

#include "store_test_support.h"

namespace mtrec::store {
namespace {

using mtrec::test::TempDir;
using test::count;

StepMetric step(std::int64_t n, double loss) {
    return {n, n / 100.0, loss, 3e-5, 250.0, std::nullopt};
}

TEST(MetricsWriter, WritesOneTransactionPerBatchOfRows) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t id = test::addRun(store, "r", "hybrid", 1);
    auto writer = store.metricsWriter(id, 4);
    for (int i = 1; i <= 3; ++i) ASSERT_TRUE(writer->add(step(i, 3.0 - 0.1 * i)));
    EXPECT_EQ(count(store, "SELECT count(*) FROM step_metrics"), 0);  // still buffered
    EXPECT_EQ(writer->pending(), 3u);
    ASSERT_TRUE(writer->add(BatchTelemetry{3, "cross", "", "de", "en", 100}));  // 4th row: written
    EXPECT_EQ(writer->pending(), 0u);
    EXPECT_EQ(count(store, "SELECT count(*) FROM step_metrics"), 3);
    EXPECT_EQ(count(store, "SELECT count(*) FROM batch_telemetry"), 1);
    ASSERT_TRUE(writer->add(step(4, 2.5)));
    writer.reset();  // the destructor flushes
    EXPECT_EQ(count(store, "SELECT count(*) FROM step_metrics"), 4);
}

TEST(MetricsWriter, StepLoggedAgainReplacesTheEarlierRow) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t id = test::addRun(store, "r", "mono", 1);
    auto writer = store.metricsWriter(id, 1);
    ASSERT_TRUE(writer->add(step(7, 2.0)));
    StepMetric validated = step(7, 1.5);
    validated.validationLoss = 1.75;
    validated.validationCrossMrr = 0.125;
    ASSERT_TRUE(writer->add(validated));
    std::vector<StepMetric> steps = store.trainingLog().steps(id).value();
    ASSERT_EQ(steps.size(), 1u);
    EXPECT_DOUBLE_EQ(steps[0].loss, 1.5);
    EXPECT_EQ(steps[0].validationLoss, 1.75);
    EXPECT_EQ(steps[0].validationCrossMrr, 0.125);
    EXPECT_DOUBLE_EQ(steps[0].epoch, 0.07);
}

TEST(TrainingLog, ReadsIncrementallyCountsTheBatchMixAndTrimsForResume) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t id = test::addRun(store, "r", "hybrid", 1);
    auto writer = store.metricsWriter(id, 100);
    for (int i = 1; i <= 10; ++i) {
        ASSERT_TRUE(writer->add(step(i, 1.0)));
        if (i % 3 == 0) {  // steps 3, 6, 9: cross batches of two pair kinds each
            ASSERT_TRUE(writer->add(BatchTelemetry{i, "cross", "", "de", "en", 60}));
            ASSERT_TRUE(writer->add(BatchTelemetry{i, "cross", "", "en", "de", 40}));
        } else {
            ASSERT_TRUE(writer->add(BatchTelemetry{i, "mono", "", "de", "de", 100}));
        }
    }
    ASSERT_TRUE(writer->flush());
    TrainingLog log = store.trainingLog();
    EXPECT_EQ(log.steps(id, 8).value().size(), 2u);
    EXPECT_EQ(log.lastStep(id).value(), 10);
    std::vector<BranchCount> mix = log.branchMix(id).value();
    ASSERT_EQ(mix.size(), 2u);
    EXPECT_EQ(mix[0].branch, "cross");
    EXPECT_EQ(mix[0].steps, 3);
    EXPECT_EQ(mix[0].pairs, 300);
    EXPECT_EQ(mix[1].steps, 7);
    // Per language pair: de-de from the 7 mono steps (700), de-en 3 x 60, en-de 3 x 40.
    std::vector<TrainedPairCount> pairs = log.trainedPairs(id).value();
    ASSERT_EQ(pairs.size(), 3u);
    EXPECT_EQ(pairs[0].queryLang + "-" + pairs[0].passageLang, "de-de");
    EXPECT_EQ(pairs[0].pairs, 700);
    EXPECT_EQ(pairs[1].queryLang + "-" + pairs[1].passageLang, "de-en");
    EXPECT_EQ(pairs[1].pairs, 180);
    EXPECT_EQ(pairs[2].queryLang + "-" + pairs[2].passageLang, "en-de");
    EXPECT_EQ(pairs[2].pairs, 120);
    std::vector<BatchTelemetry> telemetry = log.telemetry(id, 5).value();
    ASSERT_EQ(telemetry.size(), 7u);  // 6a, 6b, 7, 8, 9a, 9b, 10
    EXPECT_EQ(telemetry[0].step, 6);
    EXPECT_EQ(telemetry[1].queryLang, "en");

    ASSERT_TRUE(log.discardAfter(id, 6));
    EXPECT_EQ(log.lastStep(id).value(), 6);
    EXPECT_EQ(log.telemetry(id).value().size(),
              8u);  // steps 1..6 with 6 holding two rows each for 3 and 6
    EXPECT_FALSE(log.lastStep(99).value().has_value());
}

}  // namespace
}  // namespace mtrec::store
