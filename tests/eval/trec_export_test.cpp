#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "data/trec_files.h"
#include "eval/trec_export.h"
#include "test_support.h"

namespace mtrec::eval {
namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(TrecRunStream, WritesExactlyWhatWriteTrecRunWrites) {
    data::RetrievalSuite suite;
    suite.name = "s";
    data::LanguageData language;
    language.code = "en";
    language.candidates = {{"en:0", ""}, {"en:1", ""}, {"en:2", ""}, {"en:3", ""}, {"en:4", ""}};
    suite.languages.push_back(language);
    const CandidatePool pool = CandidatePool::create(suite, {0}).value();
    const std::vector<float> scores = {1e-7f, 123456.789f, -0.5f, 0.0f, 0.333333343f};
    const std::vector<std::uint32_t> order = {1, 4, 0, 3, 2};

    mtrec::test::TempDir dir;
    auto stream = TrecRunStream::open((dir.path() / "stream.run").string(), "bm25");
    ASSERT_TRUE(stream.ok());
    ASSERT_TRUE(stream.value().append("q7", order, scores.data(), pool).ok());
    ASSERT_TRUE(stream.value().close().ok());

    data::TrecRun run;
    for (std::uint32_t column : order) run["q7"].push_back({pool.docno(column), scores[column]});
    ASSERT_TRUE(data::writeTrecRun((dir.path() / "reference.run").string(), run, "bm25").ok());
    EXPECT_EQ(slurp(dir.path() / "stream.run"), slurp(dir.path() / "reference.run"));
    EXPECT_EQ(slurp(dir.path() / "stream.run").substr(0, 30), "q7 Q0 en:1 1 123456.789 bm25\nq");
}

TEST(TrecRunStream, RejectsBadNamesAndUnwritableFolders) {
    mtrec::test::TempDir dir;
    EXPECT_FALSE(TrecRunStream::open((dir.path() / "a.run").string(), "two words").ok());
    EXPECT_FALSE(TrecRunStream::open((dir.path() / "missing" / "a.run").string(), "bm25").ok());
    EXPECT_EQ(trecExportPath("out", "de", "all", "qrels"), "out/de-all.qrels");
}

}  // namespace
}  // namespace mtrec::eval
