#include <gtest/gtest.h>

#include <cmath>

#include "store/suite_record.h"
#include "store_test_support.h"

namespace mtrec::store {
namespace {

using eval::Metric;
using eval::Setting;

eval::MetricValues values(double map) {
    eval::MetricValues v{};
    v[eval::metricIndex(Metric::Map)] = map;
    v[eval::metricIndex(Metric::Recall1)] = map / 2;
    v[eval::metricIndex(Metric::RecipRank)] = map / 4;
    return v;
}

/// Two languages, one query each: de-de, de-en, en-en, en-de, Mul de, Mul en.
eval::SuiteEvaluation tinyEvaluation() {
    eval::SuiteEvaluation e;
    e.suite = "xquad-r";
    e.languages = {"de", "en"};
    e.cells = {
        {Setting::Mo, "de", "de", 1, values(1.0)},   {Setting::Cr, "de", "en", 1, values(0.5)},
        {Setting::Cr, "en", "de", 0, values(0.0)},   {Setting::Mo, "en", "en", 1, values(0.25)},
        {Setting::Mul, "de", "all", 1, values(0.5)}, {Setting::Mul, "en", "all", 1, values(0.2)}};
    e.queries = {{Setting::Mo, "de", "de", "q1", values(1.0), std::nullopt},
                 {Setting::Mul, "de", "all", "q1", values(0.5), 3.0},
                 {Setting::Mul, "en", "all", "q1", values(0.2), 7.0}};
    e.summaries = {{Setting::Mo, 2, values(0.625)},
                   {Setting::Cr, 1, values(0.5)},
                   {Setting::Mul, 2, values(0.35)}};
    eval::LanguageBias bias;
    bias.languages = {"de", "en"};
    bias.meanRank = {{1.0, 4.0}, {NAN, 2.0}};
    bias.top10Share = {{1.0, 1.0}, {NAN, 1.0}};
    bias.rankDistance = {3.0, NAN};
    bias.rankDistanceQueries = {1, 0};
    bias.meanRankDistance = 3.0;
    e.bias = bias;
    return e;
}

TEST(SuiteRecord, ConvertsCellsSummariesBiasAndPerQueryValues) {
    const SuiteRecord record = suiteRecord(tinyEvaluation());
    // 5 cells with queries x 7 metrics + 3 summaries x 7 + bias: 3 mean ranks + 3 shares + 1 + 1
    // distances + tied_relevant of the 5 cells (no unk_share: no tokenizer counted).
    EXPECT_EQ(record.cells.size(), 5u * 7 + 3 * 7 + 3 + 3 + 2 + 5);
    const EvalCell& first = record.cells.front();
    EXPECT_EQ(first.key, (CellKey{"xquad-r", eval::Setting::Mo, "de", "de"}));
    EXPECT_EQ(first.metric, eval::Metric::Map);
    EXPECT_DOUBLE_EQ(first.value, 1.0);
    EXPECT_EQ(first.queryCount, 1);
    EXPECT_EQ(first.definition,
              "trec_eval 10 map over the whole ranking; pool=de candidates; mean over 1 queries "
              "of de with a judgment in the pool");
    auto find = [&](const CellKey& key, const std::string& metric) -> const EvalCell* {
        for (const EvalCell& c : record.cells)
            if (c.key == key && measureName(c.metric) == metric) return &c;
        return nullptr;
    };
    ASSERT_NE(find({"xquad-r", eval::Setting::Mo, "all", "all"}, "recall_1"), nullptr);
    EXPECT_DOUBLE_EQ(find({"xquad-r", eval::Setting::Mo, "all", "all"}, "recall_1")->value, 0.3125);
    EXPECT_EQ(find({"xquad-r", eval::Setting::Cr, "en", "de"}, "map"), nullptr);  // no pair query
    EXPECT_EQ(find({"xquad-r", eval::Setting::Mul, "en", "de"}, "mul_mean_rank"), nullptr);  // NaN
    EXPECT_DOUBLE_EQ(find({"xquad-r", eval::Setting::Mul, "de", "en"}, "mul_mean_rank")->value,
                     4.0);
    EXPECT_DOUBLE_EQ(find({"xquad-r", eval::Setting::Mul, "all", "all"}, "rank_distance")->value,
                     3.0);
    // Query counts: a cell's pair queries, a rank distance's queries; none for summaries.
    EXPECT_EQ(find({"xquad-r", eval::Setting::Mul, "de", "all"}, "rank_distance")->queryCount, 1);
    EXPECT_EQ(find({"xquad-r", eval::Setting::Mo, "all", "all"}, "map")->queryCount, std::nullopt);
    // Per-query: AP and reciprocal rank of the three query rows, plus de's rank distance (en has
    // no finite mean, so dropped).
    ASSERT_EQ(record.perQuery.size(), 7u);
    EXPECT_EQ(record.perQuery[0].metric, eval::Metric::Map);
    EXPECT_DOUBLE_EQ(record.perQuery[0].value, 1.0);
    EXPECT_EQ(record.perQuery[1].metric, eval::Metric::RecipRank);
    EXPECT_DOUBLE_EQ(record.perQuery[1].value, 0.25);
    EXPECT_EQ(record.perQuery[4].metric, BiasMeasure::RankDistance);
    EXPECT_DOUBLE_EQ(record.perQuery[4].value, 3.0);
    EXPECT_EQ(record.perQuery[6].metric, eval::Metric::RecipRank);  // en's Mul row: no distance
}

TEST(SuiteRecord, DiagnosticsSitBesideTheMetricsAndRoundTripThroughTheStore) {
    eval::SuiteEvaluation e = tinyEvaluation();
    e.cells[0].tiedRelevantQueries = 1;  // de-de
    e.cells[4].tiedRelevantQueries = 1;  // Mul de
    e.unknownTokens = {{"de", 40, 10}, {"en", 50, 0}};
    const SuiteRecord record = suiteRecord(e);
    EXPECT_EQ(record.cells.size(), 5u * 7 + 3 * 7 + 3 + 3 + 2 + 5 + 2);

    mtrec::test::TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t id = test::addRun(store, "dense", "hybrid", 13);
    ASSERT_TRUE(store.results().record(id, record.cells, record.perQuery));
    const std::vector<EvalCell> unk =
        store.results().matrix(id, "xquad-r", DiagnosticMeasure::UnkShare).value();
    ASSERT_EQ(unk.size(), 2u);
    EXPECT_EQ(unk[0].key, (CellKey{"xquad-r", Setting::Mo, "de", "de"}));
    EXPECT_DOUBLE_EQ(unk[0].value, 0.25);
    EXPECT_EQ(unk[0].definition,
              "share of <unk> among the 40 tokens of the de queries and candidates (10 <unk>)");
    EXPECT_DOUBLE_EQ(unk[1].value, 0.0);
    const std::vector<EvalCell> tied =
        store.results().matrix(id, "xquad-r", DiagnosticMeasure::TiedRelevant).value();
    ASSERT_EQ(tied.size(), 5u);  // Mo de, Mo en, Cr de-en, Mul de, Mul en (Cr en-de has no query)
    EXPECT_EQ(tied[0].key, (CellKey{"xquad-r", Setting::Mo, "de", "de"}));
    EXPECT_DOUBLE_EQ(tied[0].value, 1.0);
    EXPECT_EQ(tied[0].queryCount, 1);
    EXPECT_EQ(tied[3].key, (CellKey{"xquad-r", Setting::Mul, "de", "all"}));
    EXPECT_DOUBLE_EQ(tied[3].value, 1.0);
    EXPECT_DOUBLE_EQ(tied[4].value, 0.0);

    const std::vector<LanguageDiagnostics> languages =
        store.results().languageDiagnostics(id, "xquad-r").value();
    ASSERT_EQ(languages.size(), 2u);
    EXPECT_EQ(languages[0].language, "de");
    EXPECT_EQ(languages[0].unkShare, 0.25);
    ASSERT_TRUE(languages[0].mo && languages[0].cr && languages[0].mul);
    EXPECT_EQ(languages[0].mo->tied, 1);
    EXPECT_EQ(languages[0].mo->queries, 1);
    EXPECT_EQ(languages[0].cr->tied, 0);
    EXPECT_EQ(languages[0].cr->queries, 1);
    EXPECT_EQ(languages[0].mul->tied, 1);
    EXPECT_EQ(languages[1].language, "en");
    EXPECT_EQ(languages[1].cr, std::nullopt) << "en-de has no pair query";
    EXPECT_EQ(languages[1].mul->tied, 0);
}

TEST(SuiteRecord, RecordsIntoTheStoreAndShowsInTheRunList) {
    mtrec::test::TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t id = test::addRun(store, "bm25", "bm25", 0);
    const SuiteRecord record = suiteRecord(tinyEvaluation());
    ASSERT_TRUE(store.results().record(id, record.cells, record.perQuery));
    std::vector<RunListing> runs = store.runs().list().value();
    ASSERT_EQ(runs[0].summary.size(), 3u);
    EXPECT_DOUBLE_EQ(runs[0].summary[0].value, 0.625);
    EXPECT_DOUBLE_EQ(runs[0].summary[2].value, 0.35);
    EXPECT_EQ(
        store.results()
            .perQuery(id, {"xquad-r", eval::Setting::Mul, "de", "all"}, BiasMeasure::RankDistance)
            .value()
            .size(),
        1u);
}

}  // namespace
}  // namespace mtrec::store
