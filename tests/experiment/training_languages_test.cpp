// trainingLanguages: the "seen" languages of a stored run, from its config or its telemetry.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "experiment/training_languages.h"
#include "test_support.h"

namespace mtrec::experiment {
namespace {

/// resources/configs/demo-hybrid.json, trained on ar, de, en, es, ru and zh.
nlohmann::json demoHybrid() {
    std::ifstream in(MTREC_SOURCE_DIR "/resources/configs/demo-hybrid.json");
    return nlohmann::json::parse(in);
}

struct StoredRuns {
    test::TempDir dir;
    store::ExperimentStore store =
        store::ExperimentStore::open((dir.path() / "e.db").string()).value();

    store::RunRecord add(const std::string& config) {
        store::NewRun run;
        run.name = "run";
        run.strategy = "hybrid";
        run.configJson = config;
        return store.runs().get(store.runs().create(run).value()).value();
    }
    std::vector<std::string> languagesOf(const store::RunRecord& run) {
        store::TrainingLog log = store.trainingLog();
        Result<std::vector<std::string>> languages = trainingLanguages(run, log);
        EXPECT_TRUE(languages.ok()) << languages.error().message;
        return languages ? languages.value() : std::vector<std::string>{};
    }
};

TEST(TrainingLanguages, TheConfigsLanguagesSorted) {
    StoredRuns runs;
    nlohmann::json config = demoHybrid();
    config["data"]["languages"] = {"zh", "de", "en"};
    EXPECT_EQ(runs.languagesOf(runs.add(config.dump())),
              (std::vector<std::string>{"de", "en", "zh"}));
}

TEST(TrainingLanguages, WithoutConfiguredLanguagesThoseItsTelemetryLogged) {
    StoredRuns runs;
    nlohmann::json config = demoHybrid();
    config["data"].erase("languages");
    const store::RunRecord run = runs.add(config.dump());
    EXPECT_TRUE(runs.languagesOf(run).empty());  // nothing logged yet
    {
        store::MetricsWriter writer(runs.store.database(), run.id, 10, [] { return 0; });
        ASSERT_TRUE(writer.add(store::BatchTelemetry{1, "mono", "", "ru", "ru", 8}));
        ASSERT_TRUE(writer.add(store::BatchTelemetry{2, "cross", "", "de", "en", 4}));
        ASSERT_TRUE(writer.add(store::BatchTelemetry{2, "cross", "", "en", "ar", 4}));
        ASSERT_TRUE(
            writer.add(store::BatchTelemetry{3, "mixed", "", std::nullopt, std::nullopt, 8}));
        ASSERT_TRUE(writer.flush());
    }
    EXPECT_EQ(runs.languagesOf(run), (std::vector<std::string>{"ar", "de", "en", "ru"}));
}

TEST(TrainingLanguages, NoneForRunsThatTrainedNothing) {
    StoredRuns runs;
    nlohmann::json zeroSteps = demoHybrid();
    zeroSteps["optimizer"]["steps"] = 0;
    EXPECT_TRUE(runs.languagesOf(runs.add(zeroSteps.dump())).empty());
    EXPECT_TRUE(
        runs.languagesOf(runs.add(R"({"command": "eval", "suite": "xquad-r", "scorer": "bm25"})"))
            .empty());
    EXPECT_TRUE(runs.languagesOf(runs.add("{")).empty());
}

TEST(TrainingLanguages, ByRunLeavesOutTheRunsWithNone) {
    StoredRuns runs;
    const store::RunRecord trained = runs.add(demoHybrid().dump());
    const store::RunRecord bm25 = runs.add(R"({"command": "eval", "scorer": "bm25"})");
    const auto byRun = trainingLanguagesByRun(runs.store, {trained, bm25});
    ASSERT_TRUE(byRun.ok()) << byRun.error().message;
    ASSERT_EQ(byRun.value().size(), 1u);
    EXPECT_EQ(byRun.value().at(trained.id),
              (std::vector<std::string>{"ar", "de", "en", "es", "ru", "zh"}));
}

}  // namespace
}  // namespace mtrec::experiment
