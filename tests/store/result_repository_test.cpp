#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "store_test_support.h"

namespace mtrec::store {
namespace {

using mtrec::test::TempDir;
using test::cell;
using test::count;

PerQueryValue pq(const std::string& setting, const std::string& q, const std::string& c,
                 const std::string& qid, double value) {
    return test::perQuery(setting, q, c, qid, value);
}

TEST(ResultRepository, ContaminatedSuitesAreRecordedReplacedListedAndDeletedWithTheirRun) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t clean = test::addRun(store, "clean", "bm25", 1);
    const std::int64_t id = test::addRun(store, "r", "hybrid", 1);
    ASSERT_TRUE(store.results().recordContamination(id, {"xquad-r", 10, 0, 30, 2, "first"}));
    ASSERT_TRUE(store.results().recordContamination(id, {"mlqa-r", 5, 5, 20, 7, "all of it"}));
    ASSERT_TRUE(store.results().recordContamination(id, {"xquad-r", 10, 1, 30, 3, "again"}));
    const std::vector<SuiteContamination> records = store.results().contamination(id).value();
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].marker(), "mlqa-r [contaminated: 5 shared questions, 7 shared passages]");
    EXPECT_EQ(records[1].marker(), "xquad-r [contaminated: 1 shared question, 3 shared passages]");
    EXPECT_EQ(records[1].description, "again");
    EXPECT_EQ(findContamination(records, "xquad-r"), &records[1]);
    EXPECT_EQ(findContamination(records, "miracl"), nullptr);

    const std::vector<RunListing> listed = store.runs().list().value();
    EXPECT_TRUE(listed[0].run.contaminated.empty());
    EXPECT_EQ(listed[1].run.contaminated.size(), 2u);
    EXPECT_TRUE(store.runs().get(clean).value().contaminated.empty());

    Status unknown = store.results().recordContamination(99, {"xquad-r", 1, 1, 1, 1, "x"});
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().message, "no run with id 99 in " + store.path());
    EXPECT_FALSE(store.results().recordContamination(id, {"", 1, 1, 1, 1, "x"}));
    ASSERT_TRUE(store.runs().remove(id));
    EXPECT_EQ(count(store, "SELECT count(*) FROM suite_contamination"), 0);
}

TEST(ResultRepository, MatrixComesBackInSettingThenLanguageOrderWithDefinitions) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t id = test::addRun(store, "r", "hybrid", 1);
    ASSERT_TRUE(store.results().record(
        id, {cell("Mul", "de", "all", 0.3), cell("Cr", "en", "de", 0.2),
             cell("Mo", "en", "en", 0.6), cell("Cr", "de", "en", 0.25), cell("Mo", "de", "de", 0.5),
             cell("Mo", "de", "de", 0.4, "recall_1")}));
    std::vector<EvalCell> cells = store.results().matrix(id).value();
    ASSERT_EQ(cells.size(), 6u);
    EXPECT_EQ(cells[0].key, (CellKey{"xquad-r", eval::Setting::Mo, "de", "de"}));
    EXPECT_EQ(cells[0].metric, eval::Metric::Map);
    EXPECT_EQ(cells[1].metric, eval::Metric::Recall1);
    EXPECT_EQ(cells[2].key.queryLang, "en");
    EXPECT_EQ(cells[3].key, (CellKey{"xquad-r", eval::Setting::Cr, "de", "en"}));
    EXPECT_EQ(cells[5].key.setting, eval::Setting::Mul);
    EXPECT_EQ(cells[5].definition, "trec_eval 10 map; pool=all");
    EXPECT_EQ(store.results().matrix(id, "xquad-r", eval::Metric::Recall1).value().size(), 1u);
    EXPECT_TRUE(store.results().matrix(id, "mlqa-r").value().empty());
}

TEST(ResultRepository, CellValuesAreOneSuiteAndMeasuresCellsWithoutSummaries) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t id = test::addRun(store, "r", "hybrid", 1);
    ASSERT_TRUE(store.results().record(
        id, {cell("Mul", "de", "all", 0.3), cell("Cr", "en", "de", 0.2),
             cell("Mo", "de", "de", 0.4, "recall_1"), cell("Cr", "all", "all", 0.2),
             cell("Mo", "de", "de", 0.9, "map", "mlqa-r")}));
    std::vector<EvalCell> cells =
        store.results().cellValues(id, "xquad-r", eval::Metric::Map).value();
    ASSERT_EQ(cells.size(), 2u);
    std::sort(cells.begin(), cells.end(),
              [](const EvalCell& a, const EvalCell& b) { return a.key < b.key; });
    EXPECT_EQ(cells[0].key, (CellKey{"xquad-r", eval::Setting::Cr, "en", "de"}));
    EXPECT_DOUBLE_EQ(cells[0].value, 0.2);
    EXPECT_EQ(cells[1].key, (CellKey{"xquad-r", eval::Setting::Mul, "de", "all"}));
    EXPECT_EQ(cells[1].metric, eval::Metric::Map);
    EXPECT_TRUE(cells[1].definition.empty());
}

TEST(ResultRepository, RecordingACellAgainReplacesItAndItsPerQueryValues) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t id = test::addRun(store, "r", "mono", 1);
    ASSERT_TRUE(
        store.results().record(id, {cell("Mo", "de", "de", 0.5)},
                               {pq("Mo", "de", "de", "q1", 1.0), pq("Mo", "de", "de", "q2", 0.0)}));
    ASSERT_TRUE(
        store.results().record(id, {cell("Mo", "de", "de", 0.75)},
                               {pq("Mo", "de", "de", "q1", 1.0), pq("Mo", "de", "de", "q3", 0.5)}));
    EXPECT_DOUBLE_EQ(store.results().matrix(id).value().at(0).value, 0.75);
    std::vector<QueryValue> values =
        store.results()
            .perQuery(id, {"xquad-r", eval::Setting::Mo, "de", "de"}, eval::Metric::Map)
            .value();
    ASSERT_EQ(values.size(), 2u);
    EXPECT_EQ(values[0].qid, "q1");
    EXPECT_EQ(values[1].qid, "q3");
    EXPECT_DOUBLE_EQ(values[1].value, 0.5);
    EXPECT_EQ(count(store, "SELECT count(*) FROM eval_results"), 1);
}

TEST(ResultRepository, PerQueryValuesMayFollowTheirCellInALaterCall) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t id = test::addRun(store, "r", "mono", 1);
    ASSERT_TRUE(store.results().record(id, {cell("Cr", "de", "en", 0.5)}));
    ASSERT_TRUE(store.results().record(id, {}, {pq("Cr", "de", "en", "q9", 0.25)}));
    std::vector<PerQueryValue> all = store.results().allPerQuery(id).value();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].qid, "q9");
    EXPECT_EQ(all[0].key.candLang, "en");
}

TEST(ResultRepository, BadInputIsRefusedWithoutRecordingAnything) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t id = test::addRun(store, "r", "mono", 1);
    Status language =
        store.results().record(id, {cell("Mo", "de", "de", 0.5), cell("Mo", "", "de", 0.5)});
    ASSERT_FALSE(language);
    EXPECT_EQ(language.error().message,
              "cell xquad-r Mo ->de map: suite and languages must be set");
    Status nan = store.results().record(id, {cell("Mo", "de", "de", std::nan(""))});
    EXPECT_EQ(nan.error().message, "cell xquad-r Mo de->de map: value is not a finite number");
    Status orphan = store.results().record(id, {cell("Mo", "de", "de", 0.5)},
                                           {pq("Cr", "de", "en", "q1", 1.0)});
    EXPECT_EQ(orphan.error().message,
              "per-query value of qid q1 names no stored cell (xquad-r Cr de->en map); nothing was "
              "recorded");
    Status noRun = store.results().record(77, {cell("Mo", "de", "de", 0.5)});
    EXPECT_EQ(noRun.error().message, "no run with id 77 in " + store.path());
    EXPECT_EQ(count(store, "SELECT count(*) FROM eval_results"), 0);
    EXPECT_EQ(count(store, "SELECT count(*) FROM per_query_results"), 0);
}

TEST(ResultRepository, SettingsAndMetricsAreStoredAsTheirNamesAndReadBack) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t id = test::addRun(store, "r", "mono", 1);
    ASSERT_TRUE(store.results().record(
        id, {cell("Mul", "de", "en", 2.5, "mul_mean_rank"), cell("Cr", "de", "en", 0.5, "P_1")}));
    EXPECT_EQ(count(store,
                    "SELECT count(*) FROM eval_results WHERE setting = 'Mul' AND "
                    "metric = 'mul_mean_rank'"),
              1);
    EXPECT_EQ(count(store,
                    "SELECT count(*) FROM eval_results WHERE setting = 'Cr' AND "
                    "metric = 'P_1'"),
              1);
    const std::vector<EvalCell> cells = store.results().matrix(id).value();
    ASSERT_EQ(cells.size(), 2u);
    EXPECT_EQ(cells[0].metric, eval::Metric::P1);
    EXPECT_EQ(cells[1].metric, BiasMeasure::MulMeanRank);
    EXPECT_EQ(cells[1].key.setting, eval::Setting::Mul);
    // A metric this program does not know (a newer writer's) is an Error, not a silent skip.
    ASSERT_TRUE(store.database().exec(
        "INSERT INTO eval_results(run_id, suite, setting, query_lang, cand_lang, metric, value, "
        "definition, recorded_at) VALUES (1, 'xquad-r', 'Mo', 'de', 'de', 'ndcg_cut_5', 0.5, '', "
        "0)"));
    EXPECT_EQ(store.results().matrix(id).error().message,
              "eval_results holds the metric 'ndcg_cut_5', which this program does not know");
}

TEST(Measures, NamesRoundTripAndOrderAsTheirText) {
    for (Measure measure : kAllMeasures)
        EXPECT_EQ(measureFromName(measureName(measure)), measure) << measureName(measure);
    for (Measure measure : kDiagnosticMeasures) {
        EXPECT_EQ(measureFromName(measureName(measure)), measure) << measureName(measure);
        EXPECT_FALSE(measure.metric() || measure.bias()) << measureName(measure);
    }
    EXPECT_EQ(measureName(DiagnosticMeasure::UnkShare), "unk_share");
    EXPECT_EQ(measureName(DiagnosticMeasure::TiedRelevant), "tied_relevant");
    EXPECT_EQ(Measure(DiagnosticMeasure::TiedRelevant).diagnostic(),
              DiagnosticMeasure::TiedRelevant);
    EXPECT_EQ(Measure(BiasMeasure::RankDistance).diagnostic(), std::nullopt);
    EXPECT_EQ(Measure(BiasMeasure::RankDistance).bias(), BiasMeasure::RankDistance);
    EXPECT_EQ(measureName(BiasMeasure::RankDistance), "rank_distance");
    EXPECT_EQ(measureFromName("recall_5"), std::nullopt);
    EXPECT_EQ(settingFromName("Mul"), eval::Setting::Mul);
    EXPECT_EQ(settingFromName("mul"), std::nullopt);
    EXPECT_TRUE(Measure(eval::Metric::P1) < Measure(eval::Metric::Map));  // "P_1" < "map"
    EXPECT_TRUE(test::key("Cr", "de", "en") < test::key("Mo", "de", "de"));
}

}  // namespace
}  // namespace mtrec::store
