#include "data/mlqa_r_reader.h"

#include <chrono>
#include <iomanip>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "expect_error.h"
#include "test_support.h"

namespace mtrec::data {
namespace {

using nlohmann::json;
using test::expectError;
using test::TempDir;

json qa(const std::string& id, int answerStart) {
    json answer = {{"text", "x"}, {"answer_start", answerStart}};
    return {{"id", id}, {"question", "question " + id}, {"answers", json::array({answer})}};
}

/// One article per context; `qas` are the questions on it.
json mlqa(const std::vector<std::pair<std::string, std::vector<json>>>& contexts) {
    json data = json::array();
    for (const auto& [context, qas] : contexts) {
        json paragraph = {{"context", context}, {"qas", qas}};
        data.push_back({{"title", "t"}, {"paragraphs", json::array({paragraph})}});
    }
    return {{"version", "1.0"}, {"data", data}};
}

const char* const kCat = "The cat sat. The dog ran! Where is it?";
const char* const kUnicode =
    "\xC3\x9Cn\xC3\xAF"
    "code ist gut. Zweiter Satz hier.";
const char* const kZh = "今天😀天气很好。我们去公园吧！";  // 😀 is 1 code point but 2 UTF-16 units

/// Partly parallel like MLQA: en holds q1 q2 q3, de q1 q3, zh q1 q2. English repeats its first
/// context in a second article (one set of candidates); Chinese asks two questions on one context.
void writeFixture(const TempDir& dir) {
    dir.write("dev-context-en-question-en.json",
              mlqa({{kCat, {qa("q1", 17)}},
                    {kCat, {qa("q2", 4)}},
                    {"Second context here. Another one.", {qa("q3", 21)}}})
                  .dump());
    dir.write("dev-context-de-question-de.json",
              mlqa({{kUnicode, {qa("q1", 25)}}, {"Nur ein Satz.", {qa("q3", 0)}}}).dump());
    dir.write("dev-context-zh-question-zh.json", mlqa({{kZh, {qa("q1", 11), qa("q2", 8)}}}).dump());
    dir.write("dev-context-en-question-de.json", "{}");  // cross-lingual file: not one of ours
}

std::vector<std::string> texts(const LanguageData& language) {
    std::vector<std::string> out;
    for (const Candidate& c : language.candidates) out.push_back(c.docno + " " + c.text);
    return out;
}

std::vector<std::string> judged(const RetrievalSuite& suite, const LanguageData& language,
                                std::size_t query) {
    std::vector<std::string> out;
    for (const Judgment& j : language.judgments[query])
        out.push_back(suite.languages[j.language].candidates[j.candidate].docno + ":" +
                      std::to_string(j.relevance));
    return out;
}

using Strings = std::vector<std::string>;

TEST(MlqaRReader, SplitsDistinctContextsAndJudgesParallelIds) {
    TempDir dir;
    writeFixture(dir);
    Result<RetrievalSuite> read = readMlqaR(dir.path().string(), {});
    ASSERT_TRUE(read.ok()) << read.error().message;
    const RetrievalSuite& suite = read.value();
    EXPECT_EQ(suite.name, "mlqa-r");
    EXPECT_TRUE(suite.parallel);
    ASSERT_EQ(suite.languages.size(), 3u);
    const LanguageData& de = suite.languages[0];
    const LanguageData& en = suite.languages[1];
    const LanguageData& zh = suite.languages[2];
    EXPECT_EQ(texts(en),
              (Strings{"en:0:0 The cat sat.", "en:0:1 The dog ran!", "en:0:2 Where is it?",
                       "en:1:0 Second context here.", "en:1:1 Another one."}));
    EXPECT_EQ(texts(de), (Strings{"de:0:0 \xC3\x9Cn\xC3\xAF"
                                  "code ist gut.",
                                  "de:0:1 Zweiter Satz hier.", "de:1:0 Nur ein Satz."}));
    EXPECT_EQ(texts(zh), (Strings{"zh:0:0 今天😀天气很好。", "zh:0:1 我们去公园吧！"}));
    ASSERT_EQ(en.queries.size(), 3u);
    EXPECT_EQ(en.queries[1].qid, "q2");
    EXPECT_EQ(en.queries[1].text, "question q2");
    EXPECT_EQ(judged(suite, en, 0), (Strings{"de:0:1:1", "en:0:1:1", "zh:0:1:1"}));
    EXPECT_EQ(judged(suite, en, 1), (Strings{"en:0:0:1", "zh:0:1:1"}));  // zh: code point 8 is "我"
    EXPECT_EQ(judged(suite, en, 2), (Strings{"de:1:0:1", "en:1:1:1"}));
    EXPECT_EQ(judged(suite, de, 1), (Strings{"de:1:0:1", "en:1:1:1"}));
    EXPECT_EQ(judged(suite, zh, 0), (Strings{"de:0:1:1", "en:0:1:1", "zh:0:1:1"}));
    EXPECT_EQ(judged(suite, zh, 1), (Strings{"en:0:0:1", "zh:0:1:1"}));
}

TEST(MlqaRReader, AnswerInStrippedWhitespaceGoesToTheNextSentence) {
    TempDir dir;
    dir.write("dev-context-en-question-en.json",
              mlqa({{kCat, {qa("q1", 12)}}}).dump());  // the space after "sat."
    Result<RetrievalSuite> read = readMlqaR(dir.path().string(), {"en"});
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(judged(read.value(), read.value().languages[0], 0), (Strings{"en:0:1:1"}));
}

TEST(MlqaRReader, Errors) {
    TempDir dir;
    writeFixture(dir);
    const std::string missing = (dir.path() / "dev-context-hi-question-hi.json").string();
    expectError(readMlqaR(dir.path().string(), {"en", "hi"}), {missing + ": file not found"});
    TempDir none;
    expectError(
        readMlqaR(none.path().string(), {}),
        {none.path().string() + ": no dev-context-<lang>-question-<lang>.json files found"});

    const auto de =
        dir.write("dev-context-de-question-de.json",
                  mlqa({{kUnicode, {qa("q1", 25)}}, {"Nur ein Satz.", {qa("q1", 0)}}}).dump());
    expectError(
        readMlqaR(dir.path().string(), {}),
        {de.string() + ": $.data[1].paragraphs[0].qas[0]: duplicate question id 'q1' (first at "
                       "$.data[0].paragraphs[0].qas[0])"});
    dir.write("dev-context-de-question-de.json", mlqa({{"Nur ein Satz.", {qa("q1", 13)}}}).dump());
    expectError(readMlqaR(dir.path().string(), {}),
                {de.string() +
                 ": $.data[0].paragraphs[0].qas[0].answers[0].answer_start: answer_start 13 is "
                 "outside the context (13 characters)"});
    dir.write("dev-context-de-question-de.json",
              "{\"version\": \"1.0\", \"data\": [{\"title\": 1, ");
    expectError(readMlqaR(dir.path().string(), {}), {de.string() + ":1:", "truncated JSON?"});
}

TEST(MlqaRReader, RealDataCounts) {
    MTREC_REQUIRE_DATASET("mlqa/MLQA_V1/dev");
    const auto start = std::chrono::steady_clock::now();
    Result<RetrievalSuite> read =
        readMlqaR((datasetRoot / "mlqa" / "MLQA_V1" / "dev").string(), {});
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(read.ok()) << read.error().message;
    std::cout << "[ timing ] readMlqaR, 7 languages: " << seconds << " s\n";
    // Candidates: the paper's (LAReQA's MLQA-R table) next to ours (ICU 72, "<lang>@ss=standard",
    // dev).
    const std::map<std::string, std::size_t> paper{{"ar", 2545}, {"de", 2362}, {"en", 6264},
                                                   {"es", 1787}, {"hi", 2426}, {"vi", 2828},
                                                   {"zh", 2322}};
    // Same contexts as the paper's (LAReQA's mlqa-dev-r has 439 ... 978 paragraphs, as here); the
    // segmenters differ: ICU breaks after "25." in "am 25. Januar" and inside "Victoria.[30]",
    // which LAReQA's did not, so de, en, es and zh have more sentences here.
    const std::map<std::string, std::size_t> ours{{"ar", 2544}, {"de", 2482}, {"en", 6499},
                                                  {"es", 2157}, {"hi", 2425}, {"vi", 2830},
                                                  {"zh", 2508}};
    const std::map<std::string, std::size_t> queries{
        {"ar", 517}, {"de", 512}, {"en", 1148}, {"es", 500}, {"hi", 507}, {"vi", 511}, {"zh", 504}};
    const RetrievalSuite& suite = read.value();
    ASSERT_EQ(suite.languages.size(), 7u);
    std::cout << "lang  paper  ours\n";
    for (const LanguageData& language : suite.languages) {
        std::cout << language.code << "    " << std::setw(5) << paper.at(language.code) << "  "
                  << std::setw(5) << language.candidates.size() << "\n";
        EXPECT_EQ(language.queries.size(), queries.at(language.code)) << language.code;
        EXPECT_EQ(language.candidates.size(), ours.at(language.code)) << language.code;
    }
}

}  // namespace
}  // namespace mtrec::data
