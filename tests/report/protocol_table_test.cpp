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

}  // namespace
}  // namespace mtrec::store
