// seenUnseenSummary and its tables: Mo/Cr/Mul and rank distance over every language, the training
// languages, the others, and the Cr pairs that mix the two, from hand-made cells.

#include <gtest/gtest.h>

#include "report/run_tables.h"
#include "report/seen_unseen.h"
#include "report/seen_unseen_table.h"
#include "store_test_support.h"

namespace mtrec::store {
namespace {

using mtrec::test::TempDir;
using report::SeenUnseenSummary;
using test::cell;

/// de and en seen (trained), th and tr unseen. Cells chosen so every mean is a short decimal:
///   Mo: de .8, en .6, th .2, tr .1            -> all .425, seen .7, unseen .15
///   Cr seen pairs: de>en .5, en>de .3          -> seen .4
///   Cr unseen pairs: th>tr .05, tr>th .15      -> unseen .1
///   Cr mixed: de>th .2, de>tr .2, en>th .1, en>tr .1, th>de .3, th>en .3, tr>de 0, tr>en 0
///                                              -> mixed 1.2 / 8 = .15
///   Cr all: (.8 + .2 + 1.2) / 12 = .18333...
///   Mul: de .4, en .2, th .1, tr .1            -> all .2, seen .3, unseen .1
///   rank distance: de 10, en 20, th 100, tr 200 -> all 82.5, seen 15, unseen 150
std::vector<EvalCell> fourLanguageCells() {
    std::vector<EvalCell> cells = {
        cell("Mo", "de", "de", 0.8),   cell("Mo", "en", "en", 0.6),   cell("Mo", "th", "th", 0.2),
        cell("Mo", "tr", "tr", 0.1),   cell("Cr", "de", "en", 0.5),   cell("Cr", "en", "de", 0.3),
        cell("Cr", "th", "tr", 0.05),  cell("Cr", "tr", "th", 0.15),  cell("Cr", "de", "th", 0.2),
        cell("Cr", "de", "tr", 0.2),   cell("Cr", "en", "th", 0.1),   cell("Cr", "en", "tr", 0.1),
        cell("Cr", "th", "de", 0.3),   cell("Cr", "th", "en", 0.3),   cell("Cr", "tr", "de", 0.0),
        cell("Cr", "tr", "en", 0.0),   cell("Mul", "de", "all", 0.4), cell("Mul", "en", "all", 0.2),
        cell("Mul", "th", "all", 0.1), cell("Mul", "tr", "all", 0.1),
    };
    for (const auto& [language, distance] : std::vector<std::pair<std::string, double>>{
             {"de", 10}, {"en", 20}, {"th", 100}, {"tr", 200}})
        cells.push_back(cell("Mul", language, "all", distance, "rank_distance"));
    // What must not count: stored summaries, another metric, bias cells of a pair, another suite.
    cells.push_back(cell("Cr", "all", "all", 0.9));
    cells.push_back(cell("Mul", "all", "all", 999.0, "rank_distance"));
    cells.push_back(cell("Mo", "th", "th", 0.9, "recall_1"));
    cells.push_back(cell("Mul", "de", "th", 0.7, "mul_top10_share"));
    cells.push_back(cell("Mul", "th", "de", 55.0, "mul_mean_rank"));
    cells.push_back(cell("Mo", "de", "de", 0.0, "map", "mlqa-r"));
    cells.push_back(cell("Mul", "th", "all", 3.0, "tied_relevant"));
    return cells;
}

TEST(SeenUnseenSummary, AveragesEachSetLikeTheOverallMacroAverage) {
    // es is a training language the suite lacks: it is in no set.
    const SeenUnseenSummary s =
        report::seenUnseenSummary(fourLanguageCells(), "xquad-r", {"en", "de", "es"});
    EXPECT_TRUE(s.hasTrainingLanguages);
    EXPECT_EQ(s.languages, (std::vector<std::string>{"de", "en", "th", "tr"}));
    EXPECT_EQ(s.seen, (std::vector<std::string>{"de", "en"}));
    EXPECT_EQ(s.unseen, (std::vector<std::string>{"th", "tr"}));

    EXPECT_DOUBLE_EQ(s.overall.mo.value, 0.425);
    EXPECT_EQ(s.overall.mo.cells, 4u);
    EXPECT_DOUBLE_EQ(s.seenScores.mo.value, 0.7);
    EXPECT_DOUBLE_EQ(s.unseenScores.mo.value, 0.15);

    EXPECT_DOUBLE_EQ(s.overall.cr.value, 2.2 / 12);
    EXPECT_EQ(s.overall.cr.cells, 12u);
    EXPECT_DOUBLE_EQ(s.seenScores.cr.value, 0.4);
    EXPECT_EQ(s.seenScores.cr.cells, 2u);
    EXPECT_DOUBLE_EQ(s.unseenScores.cr.value, 0.1);
    EXPECT_DOUBLE_EQ(s.mixedCr.value, 0.15);
    EXPECT_EQ(s.mixedCr.cells, 8u);

    EXPECT_DOUBLE_EQ(s.overall.mul.value, 0.2);
    EXPECT_DOUBLE_EQ(s.seenScores.mul.value, 0.3);
    EXPECT_DOUBLE_EQ(s.unseenScores.mul.value, 0.1);

    EXPECT_DOUBLE_EQ(s.overall.rankDistance.value, 82.5);
    EXPECT_DOUBLE_EQ(s.seenScores.rankDistance.value, 15.0);
    EXPECT_DOUBLE_EQ(s.unseenScores.rankDistance.value, 150.0);
}

TEST(SeenUnseenSummary, AnotherMetricAveragesThatMetricsCells) {
    const SeenUnseenSummary s = report::seenUnseenSummary(fourLanguageCells(), "xquad-r",
                                                          {"de", "en"}, eval::Metric::Recall1);
    EXPECT_DOUBLE_EQ(s.overall.mo.value, 0.9);  // th's recall_1, the only one
    EXPECT_EQ(s.overall.mo.cells, 1u);
    EXPECT_TRUE(s.seenScores.mo.empty());
    EXPECT_DOUBLE_EQ(s.unseenScores.mo.value, 0.9);
    EXPECT_TRUE(s.overall.cr.empty());
    EXPECT_DOUBLE_EQ(s.overall.rankDistance.value, 82.5);  // rank distance has no metric
}

TEST(SeenUnseenSummary, ARunWithoutTrainingLanguagesHasOnlyTheOverall) {
    const SeenUnseenSummary s = report::seenUnseenSummary(fourLanguageCells(), "xquad-r", {});
    EXPECT_FALSE(s.hasTrainingLanguages);
    EXPECT_DOUBLE_EQ(s.overall.mul.value, 0.2);
    EXPECT_TRUE(s.seen.empty());
    EXPECT_TRUE(s.unseen.empty());
    EXPECT_TRUE(s.seenScores.mo.empty());
    EXPECT_TRUE(s.unseenScores.cr.empty());
    EXPECT_TRUE(s.mixedCr.empty());
}

TEST(SeenUnseenSummary, EveryLanguageSeenLeavesUnseenAndMixedEmpty) {
    const SeenUnseenSummary s =
        report::seenUnseenSummary(fourLanguageCells(), "xquad-r", {"de", "en", "th", "tr"});
    EXPECT_DOUBLE_EQ(s.seenScores.cr.value, s.overall.cr.value);
    EXPECT_TRUE(s.unseenScores.mul.empty());
    EXPECT_TRUE(s.mixedCr.empty());
}

std::vector<std::string> texts(const std::vector<report::TableCell>& row, std::size_t from = 0) {
    std::vector<std::string> out;
    for (std::size_t i = from; i < row.size(); ++i) out.push_back(row[i].text);
    return out;
}

TEST(SeenUnseenTable, RowsAllSeenUnseenMixed) {
    const report::Table table = report::seenUnseenTable(
        report::seenUnseenSummary(fourLanguageCells(), "xquad-r", {"de", "en"}));
    EXPECT_EQ(table.header, (std::vector<std::string>{"Set", "Languages", "Mo map", "Cr map",
                                                      "Mul map", "rank distance"}));
    ASSERT_EQ(table.rows.size(), 4u);
    EXPECT_EQ(texts(table.rows[0]), (std::vector<std::string>{"all", "de en th tr", "0.4250",
                                                              "0.1833", "0.2000", "82.5"}));
    EXPECT_EQ(texts(table.rows[1]),
              (std::vector<std::string>{"seen", "de en", "0.7000", "0.4000", "0.3000", "15.0"}));
    EXPECT_EQ(texts(table.rows[2]),
              (std::vector<std::string>{"unseen", "th tr", "0.1500", "0.1000", "0.1000", "150.0"}));
    EXPECT_EQ(texts(table.rows[3]),
              (std::vector<std::string>{"mixed", "seen <-> unseen", "-", "0.1500", "-", "-"}));
}

TEST(SeenUnseenTable, AnUntrainedRunShowsDashesAndSaysWhy) {
    const report::Table table =
        report::seenUnseenTable(report::seenUnseenSummary(fourLanguageCells(), "xquad-r", {}));
    EXPECT_EQ(texts(table.rows[1]), (std::vector<std::string>{"seen", "-", "-", "-", "-", "-"}));
    EXPECT_EQ(table.rows[0][3].text, "0.1833");
    EXPECT_NE(table.note.find("no seen/unseen split"), std::string::npos);
}

TEST(SeenUnseenTable, RunListsGetSeenAndUnseenColumnsOfCrAndMul) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t trained = test::addRun(store, "hybrid", "hybrid", 13);
    const std::int64_t bm25 = test::addRun(store, "bm25", "bm25", 0);
    for (const std::int64_t id : {trained, bm25}) {
        std::vector<EvalCell> cells = fourLanguageCells();
        cells.pop_back();  // tied_relevant has no stored query count here
        for (const char* setting : {"Mo", "Mul"}) cells.push_back(cell(setting, "all", "all", 0.5));
        ASSERT_TRUE(store.results().record(id, cells).ok());
    }
    const std::vector<RunListing> runs = store.runs().list().value();
    ResultRepository results = store.results();
    const auto perRun =
        report::readListedSummaries(results, runs, {{trained, {"de", "en"}}}, eval::Metric::Map);
    ASSERT_TRUE(perRun.ok()) << perRun.error().message;
    report::Table table = report::summaryTable(runs, eval::Metric::Map);
    const std::size_t before = table.header.size();
    report::appendSeenUnseenColumns(table, runs, perRun.value(), eval::Metric::Map);
    // The listing's suites: mlqa-r has only a Mo cell, which has no summary: no column.
    EXPECT_EQ(std::vector<std::string>(table.header.begin() + long(before), table.header.end()),
              (std::vector<std::string>{"xquad-r Cr seen", "xquad-r Cr unseen", "xquad-r Mul seen",
                                        "xquad-r Mul unseen"}));
    EXPECT_EQ(texts(table.rows[0], before),
              (std::vector<std::string>{"0.4000", "0.1000", "0.3000", "0.1000"}));
    EXPECT_EQ(texts(table.rows[1], before), (std::vector<std::string>{"-", "-", "-", "-"}));
}

TEST(SeenUnseenTable, NoColumnsWhenNoRunHasTrainingLanguages) {
    report::Table table;
    table.header = {"ID"};
    table.rows = {{"1"}};
    RunListing listing;
    listing.summary = {{"xquad-r", eval::Setting::Cr, 0.1}};
    report::SeenUnseenSummary untrained;
    untrained.suite = "xquad-r";
    report::appendSeenUnseenColumns(table, {listing}, {{untrained}}, eval::Metric::Map);
    EXPECT_EQ(table.header.size(), 1u);
}

}  // namespace
}  // namespace mtrec::store
