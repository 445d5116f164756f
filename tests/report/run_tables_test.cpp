// The tables and lines `mtrec runs` prints, from store and analysis values.

#include <gtest/gtest.h>

#include <cmath>

#include "report/run_tables.h"
#include "report/table_format.h"
#include "store_test_support.h"

namespace mtrec::store {
namespace {

using namespace mtrec::report;

RunListing listing(std::int64_t id, const std::string& name, std::vector<std::string> tags) {
    RunListing out;
    out.run.id = id;
    out.run.name = name;
    out.run.strategy = "hybrid";
    out.run.seed = 1;
    out.run.tags = std::move(tags);
    out.summary = {{"xquad-r", eval::Setting::Mo, 0.5}, {"xquad-r", eval::Setting::Mul, 0.25}};
    return out;
}

TEST(RunTables, RunListAddsTagsAndMarksRunsWhoseProcessIsGone) {
    const Table table =
        runListTable({listing(1, "a", {"x", "y"}), listing(2, "b, c", {})}, eval::Metric::Map, {2});
    EXPECT_EQ(renderCsv(table),
              "ID,Name,Strategy,Seed,Status,Tags,xquad-r Mo,xquad-r Mul\r\n"
              "1,a,hybrid,1,queued,x;y,0.5000,0.2500\r\n"
              "2,\"b, c\",hybrid,1,running (process gone),,0.5000,0.2500\r\n");
    EXPECT_EQ(table.caption, "Runs (map per setting)");
}

TEST(RunTables, AContaminatedSuitesValuesAreMarkedAndTheNoteSaysWhy) {
    RunListing dirty = listing(2, "b", {});
    dirty.run.contaminated = {{"xquad-r", 9, 9, 20, 0, "all shared"}};
    const Table table = runListTable({listing(1, "a", {}), dirty}, eval::Metric::Map, {});
    EXPECT_EQ(table.rows[0][6].mark, "");
    EXPECT_EQ(table.rows[1][6].mark, kContaminatedMark);
    EXPECT_EQ(table.rows[1][7].mark, kContaminatedMark);
    EXPECT_EQ(table.note,
              "! contaminated (evaluated on data shared with the run's training data): run 2 "
              "xquad-r: 9 shared questions");
    EXPECT_EQ(runListTable({listing(1, "a", {})}, eval::Metric::Map, {}).note, "");
}

TEST(RunTables, SettingSummaryOfOneSuite) {
    const std::vector<EvalCell> cells = {test::cell("Mo", "all", "all", 0.5),
                                         test::cell("Mo", "de", "de", 0.9),
                                         test::cell("Mul", "all", "all", 0.25, "recall_1"),
                                         test::cell("Mo", "all", "all", 0.1, "map", "mlqa-r")};
    EXPECT_EQ(renderPlain(settingSummaryTable(cells, "xquad-r")),
              "xquad-r summary (macro averages)\n"
              "Setting  Metric     Value\n"
              "Mo       map       0.5000\n"
              "Mul      recall_1  0.2500\n");
}

TEST(RunTables, DiagnosticsShowUnkShareAndTiedQueriesPerLanguage) {
    std::vector<LanguageDiagnostics> languages(2);
    languages[0] = {"de", 0.25, TiedQueries{1, 4}, TiedQueries{3, 8}, TiedQueries{2, 4}};
    languages[1].language = "en";  // a BM25 run: no unk share; nothing tied recorded
    const Table table = diagnosticsTable(languages, "xquad-r");
    EXPECT_EQ(renderCsv(table),
              "Query,unk share,tied Mo,tied Cr,tied Mul\r\n"
              "de,0.2500,1/4,3/8,2/4\r\n"
              "en,-,-,-,-\r\n");
    EXPECT_EQ(table.caption, "xquad-r diagnostics per query language");
}

TEST(RunTables, SideLabelsAndTheSignificanceLine) {
    analysis::ComparedSide side;
    side.first.id = 3;
    side.first.name = "hybrid";
    side.runIds = {3};
    EXPECT_EQ(sideLabel(side), "hybrid (#3)");
    side.runIds = {3, 5, 8};
    EXPECT_EQ(sideLabel(side), "hybrid (3 seeds)");
    analysis::SignificanceSummary summary{3, 12, 0, 0.05};
    EXPECT_EQ(significanceLine(summary),
              "3 of 12 cells differ significantly over queries (randomization test, "
              "Holm-corrected p < 0.05); over seeds: not tested (needs at least 2 seeds per side)");
    summary.skipped = 2;
    summary.seedTested = 12;
    summary.seedSignificant = 1;
    summary.seedsA = summary.seedsB = 3;
    EXPECT_EQ(significanceLine(summary),
              "3 of 12 cells differ significantly over queries (randomization test, "
              "Holm-corrected p < 0.05); 1 of 12 over seeds (Welch's t-test on 3 vs 3 per-seed "
              "means, Holm-corrected p < 0.05); 2 cells not comparable");
}

TEST(RunTables, SeedGroupTableShowsSummariesWithMeanAndStd) {
    const std::vector<analysis::CellAggregate> aggregates = {
        {test::key("Mo", "all", "all"), eval::Metric::Map, 3, 0.6, 0.1, {0.5, 0.6, 0.7}},
        {test::key("Mo", "de", "de"), eval::Metric::Map, 3, 0.7, 0.2, {0.5, 0.7, 0.9}},
        {test::key("Cr", "all", "all"), BiasMeasure::RankDistance, 1, 2.5, NAN, {2.5}}};
    EXPECT_EQ(renderPlain(seedGroupTable("hybrid (3 seeds)", aggregates)),
              "hybrid (3 seeds): mean +- sample std over seeds\n"
              "Suite    Setting  Metric         n    Mean     Std  Per seed\n"
              "xquad-r  Mo       map            3  0.6000  0.1000  0.5000, 0.6000, 0.7000\n"
              "xquad-r  Cr       rank_distance  1  2.5000     n/a  2.5000\n");
}

TEST(TableFormat, CsvQuotesFieldsAndDropsMarks) {
    const Table t{"caption", {"a,b", "v"}, {{"x\"y", TableCell("0.5", "**")}}, {false, true}, "n"};
    EXPECT_EQ(renderCsv(t), "\"a,b\",v\r\n\"x\"\"y\",0.5\r\n");
}

}  // namespace
}  // namespace mtrec::store
