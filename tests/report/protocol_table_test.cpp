// protocolTable: a protocol's comparison, one row per run or seed group.

#include <gtest/gtest.h>

#include "report/protocol_table.h"
#include "store_test_support.h"

namespace mtrec::store {
namespace {

using mtrec::test::TempDir;

std::int64_t runWith(ExperimentStore& store, const std::string& name, double mo, double cr,
                     double mul, double rankDistance) {
    const std::int64_t id = test::addRun(store, name, "hybrid", 13);
    EXPECT_TRUE(
        store.results()
            .record(id, {test::cell("Mo", "all", "all", mo), test::cell("Cr", "all", "all", cr),
                         test::cell("Mul", "all", "all", mul),
                         test::cell("Mul", "de", "de", 0.99),  // a cell, not a summary
                         test::cell("Mul", "all", "all", rankDistance, "rank_distance")})
            .ok());
    return id;
}

TEST(ProtocolTable, OneRunShowsItsSummariesAndASeedGroupMeanAndSampleStd) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t bm25 = runWith(store, "bm25", 0.5625, 0.4812, 0.25, 50.5);
    const std::int64_t a = runWith(store, "hybrid", 0.8, 0.75, 0.5, 40.0);
    const std::int64_t b = runWith(store, "hybrid", 0.9, 0.85, 0.75, 30.0);
    ResultRepository results = store.results();
    Result<report::Table> table =
        report::protocolTable(results, {{"bm25", {bm25}}, {"hybrid", {a, b}}}, {"xquad-r"});
    ASSERT_TRUE(table.ok()) << table.error().message;
    EXPECT_EQ(table.value().header, (std::vector<std::string>{"Run", "Seeds", "Mo mAP", "Cr mAP",
                                                              "Mul mAP", "rank distance"}));
    ASSERT_EQ(table.value().rows.size(), 2u);
    const auto texts = [](const std::vector<report::TableCell>& row) {
        std::vector<std::string> out;
        for (const report::TableCell& cell : row) out.push_back(cell.text);
        return out;
    };
    // 0.5625 is exact in binary: printf rounds the tie to even.
    EXPECT_EQ(texts(table.value().rows[0]),
              (std::vector<std::string>{"bm25", "1", "0.562", "0.481", "0.250", "50.5"}));
    // Mo: mean 0.85, std sqrt(((0.05)^2 * 2) / 1) = 0.0707; rank distance 35 ± 7.07.
    EXPECT_EQ(texts(table.value().rows[1]),
              (std::vector<std::string>{"hybrid", "2", "0.850 ± 0.071", "0.800 ± 0.071",
                                        "0.625 ± 0.177", "35.0 ± 7.1"}));
}

TEST(ProtocolTable, SeveralSuitesNameTheirColumnsAndAMissingValueIsADash) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t id = runWith(store, "mono", 0.9, 0.3, 0.2, 500.0);
    ResultRepository results = store.results();
    Result<report::Table> table =
        report::protocolTable(results, {{"mono", {id}}}, {"xquad-r", "mlqa-r"});
    ASSERT_TRUE(table.ok()) << table.error().message;
    EXPECT_EQ(table.value().header.at(2), "xquad-r Mo mAP");
    EXPECT_EQ(table.value().header.at(9), "mlqa-r rank distance");
    EXPECT_EQ(table.value().rows.at(0).at(6).text, "-");
    EXPECT_EQ(table.value().rows.at(0).at(5).text, "500.0");
}

/// Mo, Cr and Mul mAP cells and rank distances of de, en (trained by the hybrid runs) and th: each
/// Mo cell `mo`, each Cr cell `cr` except th>de and de>th (`mixed`), each Mul cell `mul` (th's
/// half of it), rank distances 10 (de, en) and 30 (th).
std::int64_t splitRun(ExperimentStore& store, const std::string& name, double mo, double cr,
                      double mixed, double mul) {
    const std::int64_t id = test::addRun(store, name, "hybrid", 13);
    std::vector<EvalCell> cells;
    const std::vector<std::string> languages = {"de", "en", "th"};
    for (const std::string& q : languages) {
        cells.push_back(test::cell("Mo", q, q, mo));
        for (const std::string& c : languages) {
            if (q == c) continue;
            const bool mixes = (q == "th") != (c == "th");
            cells.push_back(test::cell("Cr", q, c, mixes ? mixed : cr));
        }
        cells.push_back(test::cell("Mul", q, "all", q == "th" ? mul / 2 : mul));
        cells.push_back(test::cell("Mul", q, "all", q == "th" ? 30.0 : 10.0, "rank_distance"));
    }
    EXPECT_TRUE(store.results().record(id, cells).ok());
    return id;
}

TEST(ProtocolSeenUnseenTable, SplitsEachRowAndReferenceRowsByTheTrainedRunsLanguages) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t bm25 = splitRun(store, "bm25", 0.5, 0.2, 0.1, 0.4);
    const std::int64_t a = splitRun(store, "hybrid", 0.8, 0.6, 0.3, 0.5);
    const std::int64_t b = splitRun(store, "hybrid", 0.6, 0.4, 0.1, 0.3);
    ResultRepository results = store.results();
    const report::TrainingLanguagesByRun trained = {{a, {"de", "en"}}, {b, {"de", "en"}}};
    Result<report::Table> table = report::protocolSeenUnseenTable(
        results, {{"bm25", {bm25}}, {"hybrid", {a, b}}}, {"xquad-r"}, trained);
    ASSERT_TRUE(table.ok()) << table.error().message;
    EXPECT_EQ(table.value().header,
              (std::vector<std::string>{"Run", "Seeds", "Mo seen", "Mo unseen", "Cr seen",
                                        "Cr unseen", "Cr mixed", "Mul seen", "Mul unseen",
                                        "rank distance seen", "rank distance unseen"}));
    ASSERT_EQ(table.value().rows.size(), 2u);
    std::vector<std::string> bm25Row, hybridRow;
    for (const report::TableCell& cell : table.value().rows[0]) bm25Row.push_back(cell.text);
    for (const report::TableCell& cell : table.value().rows[1]) hybridRow.push_back(cell.text);
    // BM25 trained nothing: split by de, en as the hybrid runs are. th alone has no Cr pair.
    EXPECT_EQ(bm25Row, (std::vector<std::string>{"bm25", "1", "0.500", "0.500", "0.200", "-",
                                                 "0.100", "0.400", "0.200", "10.0", "30.0"}));
    // Mo seen: runs 0.8 and 0.6 -> 0.7 ± 0.141; Cr mixed 0.3 and 0.1 -> 0.2 ± 0.141.
    EXPECT_EQ(hybridRow,
              (std::vector<std::string>{"hybrid", "2", "0.700 ± 0.141", "0.700 ± 0.141",
                                        "0.500 ± 0.141", "-", "0.200 ± 0.141", "0.400 ± 0.141",
                                        "0.200 ± 0.071", "10.0 ± 0.0", "30.0 ± 0.0"}));
}

TEST(ProtocolSeenUnseenTable, NoRowsWhenEveryLanguageWasTrained) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t id = splitRun(store, "mono", 0.9, 0.3, 0.2, 0.2);
    ResultRepository results = store.results();
    Result<report::Table> table = report::protocolSeenUnseenTable(
        results, {{"mono", {id}}}, {"xquad-r"}, {{id, {"de", "en", "th"}}});
    ASSERT_TRUE(table.ok()) << table.error().message;
    EXPECT_TRUE(table.value().rows.empty());
    EXPECT_EQ(table.value().note,
              "Every evaluated language is a training language: there is no unseen split.");
}

}  // namespace
}  // namespace mtrec::store
