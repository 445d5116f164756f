#include "data/trec_files.h"

#include <cmath>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "expect_error.h"
#include "test_support.h"

namespace mtrec::data {
namespace {

using test::expectError;
using test::TempDir;

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(TrecQrels, ReadsTabsAndSpacesAndGrades) {
    TempDir dir;
    const auto path =
        dir.write("q.txt", "q1 0 d1 1\nq1\t0\td2\t0\r\n\n  q2  Q0 d1   2\nq1 0 d3 -1\n");
    Result<TrecQrels> qrels = readTrecQrels(path.string());
    ASSERT_TRUE(qrels.ok()) << qrels.error().message;
    const TrecQrels expected{{"q1", {{"d1", 1}, {"d2", 0}, {"d3", -1}}}, {"q2", {{"d1", 2}}}};
    EXPECT_EQ(qrels.value(), expected);
}

TEST(TrecQrels, ErrorsNameFileAndLine) {
    TempDir dir;
    const auto fields = dir.write("fields.txt", "q1 0 d1 1\nq1 0 d2\n");
    expectError(readTrecQrels(fields.string()),
                {fields.string() + ":2:", "expected 4 fields", "found 3"});
    const auto rel = dir.write("rel.txt", "q1 0 d1 1\n\nq1 0 d2 1.5\n");
    expectError(readTrecQrels(rel.string()),
                {rel.string() + ":3:", "relevance '1.5' is not an integer"});
    const auto dup = dir.write("dup.txt", "q1 0 d1 1\nq2 0 d1 1\nq1 0 d1 0\n");
    expectError(readTrecQrels(dup.string()),
                {dup.string() + ":3:", "docno d1 judged twice for query q1"});
    const std::string missing = (dir.path() / "absent.txt").string();
    expectError(readTrecQrels(missing), {missing + ": file not found"});
}

TEST(TrecRun, ReadsEntriesInFileOrder) {
    TempDir dir;
    const auto path =
        dir.write("r.txt", "q1 Q0 a 1 2.5 run\nq2\tQ0\tb\t1\t-1e-3\trun\nq1 Q0 b 2 +0.25 run\n");
    Result<TrecRun> run = readTrecRun(path.string());
    ASSERT_TRUE(run.ok()) << run.error().message;
    ASSERT_EQ(run.value().size(), 2u);
    const auto& q1 = run.value().at("q1");
    ASSERT_EQ(q1.size(), 2u);
    EXPECT_EQ(q1[0].docno, "a");
    EXPECT_DOUBLE_EQ(q1[0].score, 2.5);
    EXPECT_EQ(q1[1].docno, "b");
    EXPECT_DOUBLE_EQ(q1[1].score, 0.25);
    EXPECT_DOUBLE_EQ(run.value().at("q2")[0].score, -0.001);
}

TEST(TrecRun, EmptyFileIsEmptyRun) {
    TempDir dir;
    Result<TrecRun> run = readTrecRun(dir.write("empty.txt", "").string());
    ASSERT_TRUE(run.ok()) << run.error().message;
    EXPECT_TRUE(run.value().empty());
}

TEST(TrecRun, ErrorsNameFileAndLine) {
    TempDir dir;
    const auto fields = dir.write("f.txt", "q1 Q0 a 1 2.5 run\nq1 Q0 b 2 2.0\n");
    expectError(readTrecRun(fields.string()),
                {fields.string() + ":2:", "expected 6 fields", "found 5"});
    const auto score = dir.write("s.txt", "q1 Q0 a 1 high run\n");
    expectError(readTrecRun(score.string()),
                {score.string() + ":1:", "score 'high' is not a number"});
    const auto nan = dir.write("n.txt", "q1 Q0 a 1 nan run\n");
    expectError(readTrecRun(nan.string()), {nan.string() + ":1:", "score 'nan'"});
    const auto dup = dir.write("d.txt",
                               "q1 Q0 a 1 3 r\nq2 Q0 a 1 3 r\nq1 Q0 b 2 2 r\nq2 Q0 b 2 2 r\n"
                               "q2 Q0 a 3 1 r\nq1 Q0 a 3 1 r\n");
    expectError(readTrecRun(dup.string()),
                {dup.string() + ":5: duplicate docno a for query q2 (first at line 2)"});
    const std::string missing = (dir.path() / "absent.txt").string();
    expectError(readTrecRun(missing), {missing + ": file not found"});
}

TEST(TrecWrite, QrelsAndRunRoundTrip) {
    TempDir dir;
    const TrecQrels qrels{{"q1", {{"en:0:1", 1}, {"de:3:0", 0}}}, {"q2", {{"x", 2}}}};
    const std::string qrelsPath = (dir.path() / "out.qrels").string();
    ASSERT_TRUE(writeTrecQrels(qrelsPath, qrels).ok());
    EXPECT_EQ(slurp(qrelsPath), "q1 0 de:3:0 0\nq1 0 en:0:1 1\nq2 0 x 2\n");
    EXPECT_EQ(readTrecQrels(qrelsPath).value(), qrels);

    // Two floats one ulp apart stay ordered after %.9g and a re-read as double.
    const float high = 0.123456789f;
    const float low = std::nextafter(high, 0.0f);
    const TrecRun run{{"q1", {{"b", high}, {"a", low}, {"c", -2.0}}}};
    const std::string runPath = (dir.path() / "out.run").string();
    ASSERT_TRUE(writeTrecRun(runPath, run, "bm25").ok());
    EXPECT_EQ(slurp(runPath),
              "q1 Q0 b 1 0.123456791 bm25\nq1 Q0 a 2 0.123456784 bm25\nq1 Q0 c 3 -2 bm25\n");
    const TrecRun back = readTrecRun(runPath).value();
    ASSERT_EQ(back.at("q1").size(), 3u);
    EXPECT_GT(back.at("q1")[0].score, back.at("q1")[1].score);
    EXPECT_EQ(static_cast<float>(back.at("q1")[1].score), low);
}

TEST(TrecWrite, RefusesNamesThatWouldBreakTheFormat) {
    TempDir dir;
    const std::string path = (dir.path() / "bad.run").string();
    expectError(writeTrecRun(path, TrecRun{{"q1", {{"a b", 1.0}}}}, "r"), {path, "docno 'a b'"});
    expectError(writeTrecRun(path, TrecRun{}, "my run"), {path, "run id 'my run'"});
    const std::string nowhere = (dir.path() / "no/such/dir/x.qrels").string();
    expectError(writeTrecQrels(nowhere, TrecQrels{}), {nowhere, "cannot open file for writing"});
}

}  // namespace
}  // namespace mtrec::data
