// LAReQA's MLQA-R layout (readLareqaMlqaR): the qrels of every setting as the evaluator's candidate
// pools see them, on a hand-written fixture and on the real files.
#include "data/lareqa_mlqa_r_reader.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <iostream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "eval/candidate_pool.h"
#include "expect_error.h"
#include "test_support.h"

namespace mtrec::data {
namespace {

using nlohmann::json;
using test::expectError;
using test::TempDir;

using Breaks = std::vector<std::array<int, 2>>;
/// qid -> the docnos judged relevant to it in one pool, for the pair queries of that pool only.
using Qrels = std::map<std::string, std::vector<std::string>>;

json question(const std::string& id, int answerStart) {
    json answer = {{"text", "x"}, {"answer_start", answerStart}};
    return {{"id", id}, {"question", id + "?"}, {"answers", json::array({answer})}};
}

json paragraph(const std::string& context, const std::vector<std::string>& sentences,
               const Breaks& breaks, const std::vector<json>& questions) {
    return {{"context", context},
            {"sentences", sentences},
            {"sentence_breaks", breaks},
            {"qas", questions}};
}

json squad(const std::vector<json>& paragraphs) {
    return {{"version", "1.0"},
            {"data", json::array({{{"title", "t"}, {"paragraphs", paragraphs}}})}};
}

/// Three languages; q1 is in all of them, q2 only in en and zh, q3 only in en and de. q1's answer
/// is in the second sentence everywhere (Chinese offsets count code points, not bytes).
struct Fixture {
    json en =
        squad({paragraph("Alpha one. Beta two.", {"Alpha one.", "Beta two."}, {{{0, 10}, {11, 20}}},
                         {question("q1", 11), question("q2", 0)}),
               paragraph("Gamma three.", {"Gamma three."}, {{{0, 12}}}, {question("q3", 0)})});
    json de = squad(
        {paragraph("Eins. Zwei.", {"Eins.", "Zwei."}, {{{0, 5}, {6, 11}}}, {question("q1", 6)}),
         paragraph("Drei.", {"Drei."}, {{{0, 5}}}, {question("q3", 2)})});
    json zh = squad({paragraph("甲乙。丙丁。", {"甲乙。", "丙丁。"}, {{{0, 3}, {3, 6}}},
                               {question("q1", 4), question("q2", 0)})});

    void write(const TempDir& dir) const {
        dir.write("en.json", en.dump());
        dir.write("de.json", de.dump());
        dir.write("zh.json", zh.dump());
        dir.write("README.md", "not a language file");
        dir.write("dev-context-en-question-en.json", "{}");  // raw MLQA's name: not LAReQA's
    }
};

/// The qrels of `suite`'s queries in language `x` against the pool of `poolLanguages`, read
/// through eval::CandidatePool as the evaluator reads them.
Qrels poolQrels(const RetrievalSuite& suite, const std::string& x,
                const std::vector<std::string>& poolLanguages) {
    std::vector<std::size_t> indices;
    for (const std::string& code : poolLanguages) indices.push_back(suite.languageIndex(code));
    Result<eval::CandidatePool> pool = eval::CandidatePool::create(suite, indices);
    if (!pool) throw std::runtime_error(pool.error().message);
    const std::size_t queryLanguage = suite.languageIndex(x);
    const auto judged = pool.value().judgmentsOf(suite, queryLanguage);
    Qrels qrels;
    for (std::size_t q = 0; q < judged.size(); ++q) {
        if (judged[q].empty()) continue;
        std::vector<std::string>& docnos = qrels[suite.languages[queryLanguage].queries[q].qid];
        for (const eval::PoolJudgment& j : judged[q])
            docnos.push_back(pool.value().docno(j.column));
    }
    return qrels;
}

RetrievalSuite readFixture(const TempDir& dir) {
    Result<RetrievalSuite> read = readLareqaMlqaR(dir.path().string(), {});
    if (!read) throw std::runtime_error(read.error().message);
    return std::move(read).value();
}

TEST(LareqaMlqaRReader, CandidatesAndQueriesPerLanguage) {
    TempDir dir;
    Fixture().write(dir);
    EXPECT_EQ(lareqaMlqaRLanguages(dir.path().string()),
              (std::vector<std::string>{"de", "en", "zh"}));
    const RetrievalSuite suite = readFixture(dir);
    EXPECT_EQ(suite.name, "mlqa-r");
    EXPECT_TRUE(suite.parallel);
    ASSERT_EQ(suite.languages.size(), 3u);
    const LanguageData& en = suite.languages[1];
    ASSERT_EQ(en.candidates.size(), 3u);
    EXPECT_EQ(en.candidates[0].docno, "en:0:0");
    EXPECT_EQ(en.candidates[1].docno, "en:0:1");
    EXPECT_EQ(en.candidates[1].text, "Beta two.");
    EXPECT_EQ(en.candidates[2].docno, "en:1:0");
    ASSERT_EQ(en.queries.size(), 3u);
    EXPECT_EQ(en.queries[2].qid, "q3");
    EXPECT_EQ(suite.languages[0].queries.size(), 2u);
    EXPECT_EQ(suite.languages[2].candidates[1].text, "丙丁。");
}

TEST(LareqaMlqaRReader, MonolingualQrels) {
    TempDir dir;
    Fixture().write(dir);
    const RetrievalSuite suite = readFixture(dir);
    EXPECT_EQ(poolQrels(suite, "de", {"de"}), (Qrels{{"q1", {"de:0:1"}}, {"q3", {"de:1:0"}}}));
    EXPECT_EQ(poolQrels(suite, "en", {"en"}),
              (Qrels{{"q1", {"en:0:1"}}, {"q2", {"en:0:0"}}, {"q3", {"en:1:0"}}}));
    EXPECT_EQ(poolQrels(suite, "zh", {"zh"}), (Qrels{{"q1", {"zh:0:1"}}, {"q2", {"zh:0:0"}}}));
}

TEST(LareqaMlqaRReader, CrossLingualQrelsHoldOnlySharedIds) {
    TempDir dir;
    Fixture().write(dir);
    const RetrievalSuite suite = readFixture(dir);
    EXPECT_EQ(poolQrels(suite, "de", {"en"}), (Qrels{{"q1", {"en:0:1"}}, {"q3", {"en:1:0"}}}));
    EXPECT_EQ(poolQrels(suite, "de", {"zh"}), (Qrels{{"q1", {"zh:0:1"}}}));
    EXPECT_EQ(poolQrels(suite, "en", {"de"}), (Qrels{{"q1", {"de:0:1"}}, {"q3", {"de:1:0"}}}));
    EXPECT_EQ(poolQrels(suite, "en", {"zh"}), (Qrels{{"q1", {"zh:0:1"}}, {"q2", {"zh:0:0"}}}));
    EXPECT_EQ(poolQrels(suite, "zh", {"de"}), (Qrels{{"q1", {"de:0:1"}}}));
    EXPECT_EQ(poolQrels(suite, "zh", {"en"}), (Qrels{{"q1", {"en:0:1"}}, {"q2", {"en:0:0"}}}));
}

TEST(LareqaMlqaRReader, MultilingualQrelsHoldOneSentencePerLanguageOfTheId) {
    TempDir dir;
    Fixture().write(dir);
    const RetrievalSuite suite = readFixture(dir);
    const std::vector<std::string> all{"de", "en", "zh"};
    const std::vector<std::string> q1{"de:0:1", "en:0:1", "zh:0:1"};
    EXPECT_EQ(poolQrels(suite, "de", all), (Qrels{{"q1", q1}, {"q3", {"de:1:0", "en:1:0"}}}));
    EXPECT_EQ(poolQrels(suite, "en", all),
              (Qrels{{"q1", q1}, {"q2", {"en:0:0", "zh:0:0"}}, {"q3", {"de:1:0", "en:1:0"}}}));
    EXPECT_EQ(poolQrels(suite, "zh", all), (Qrels{{"q1", q1}, {"q2", {"en:0:0", "zh:0:0"}}}));
}

TEST(LareqaMlqaRReader, RequestedLanguagesNarrowTheJudgments) {
    TempDir dir;
    Fixture().write(dir);
    Result<RetrievalSuite> read = readLareqaMlqaR(dir.path().string(), {"zh", "de"});
    ASSERT_TRUE(read.ok()) << read.error().message;
    // Without en, q2 is Chinese only and q3 German only: one relevant sentence each in Mul.
    EXPECT_EQ(poolQrels(read.value(), "zh", {"zh", "de"}),
              (Qrels{{"q1", {"zh:0:1", "de:0:1"}}, {"q2", {"zh:0:0"}}}));
    EXPECT_EQ(poolQrels(read.value(), "de", {"zh"}), (Qrels{{"q1", {"zh:0:1"}}}));
}

TEST(LareqaMlqaRReader, FolderErrors) {
    TempDir dir;
    Fixture().write(dir);
    expectError(readLareqaMlqaR(dir.path().string(), {"en", "hi"}),
                {(dir.path() / "hi.json").string() + ": file not found"});
    TempDir raw;
    raw.write("dev-context-en-question-en.json", "{}");
    EXPECT_TRUE(lareqaMlqaRLanguages(raw.path().string()).empty());
    expectError(readLareqaMlqaR(raw.path().string(), {}),
                {raw.path().string() + ": no <lang>.json files found"});
}

/// Writes the fixture with `de` changed by `edit` and expects the reader to fail naming de.json
/// and every one of `parts`.
template <typename Edit>
void expectGermanError(Edit edit, std::initializer_list<std::string> parts) {
    TempDir dir;
    Fixture fixture;
    edit(fixture.de);
    fixture.write(dir);
    const Result<RetrievalSuite> read = readLareqaMlqaR(dir.path().string(), {});
    expectError(read, {(dir.path() / "de.json").string() + ": "});
    expectError(read, parts);
}

TEST(LareqaMlqaRReader, AnswerStartInNoSentenceIsAnError) {
    // "Eins." is [0, 5) and "Zwei." [6, 11): 5 is the space between them.
    expectGermanError(
        [](json& de) {
            de["data"][0]["paragraphs"][0]["qas"][0]["answers"][0]["answer_start"] = 5;
        },
        {"$.data[0].paragraphs[0].qas[0].answers[0].answer_start: answer_start 5 lies in no "
         "sentence (the next one, sentence_breaks[1], is [6, 11])"});
    expectGermanError(
        [](json& de) {
            de["data"][0]["paragraphs"][1]["sentence_breaks"][0] = json::array({0, 2});
            de["data"][0]["paragraphs"][1]["qas"][0]["answers"][0]["answer_start"] = 3;
        },
        {"$.data[0].paragraphs[1].qas[0].answers[0].answer_start: answer_start 3 lies after the "
         "last sentence (which ends at 2)"});
}

TEST(LareqaMlqaRReader, LayoutErrorsNameTheJsonPath) {
    expectGermanError(
        [](json& de) {
            de["data"][0]["paragraphs"][0]["sentence_breaks"][1] = json::array({6, 12});
        },
        {"$.data[0].paragraphs[0].sentence_breaks[1]: sentence break [6, 12] is outside the "
         "context (11 characters)"});
    expectGermanError([](json& de) { de["data"][0]["paragraphs"][1].erase("sentence_breaks"); },
                      {"$.data[0].paragraphs[1]: missing key 'sentence_breaks'"});
    expectGermanError([](json& de) { de["data"][0]["paragraphs"][0].erase("sentences"); },
                      {"$.data[0].paragraphs[0]: missing key 'sentences'"});
    expectGermanError(
        [](json& de) {
            de["data"][0]["paragraphs"][0]["qas"][0]["answers"][0].erase("answer_start");
        },
        {"$.data[0].paragraphs[0].qas[0].answers[0]: missing key 'answer_start'"});
    expectGermanError([](json& de) { de["data"][0]["paragraphs"][1]["qas"][0]["id"] = "q1"; },
                      {"$.data[0].paragraphs[1].qas[0]: duplicate question id 'q1'"});
}

std::set<std::string> qidsOf(const LanguageData& language) {
    std::set<std::string> qids;
    for (const Query& query : language.queries) qids.insert(query.qid);
    return qids;
}

std::size_t sharedIds(const LanguageData& x, const LanguageData& y) {
    const std::set<std::string> a = qidsOf(x), b = qidsOf(y);
    std::vector<std::string> both;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
    return both.size();
}

TEST(LareqaMlqaRReader, RealDataHasThePapersPools) {
    MTREC_REQUIRE_DATASET("mlqa-r");
    const auto start = std::chrono::steady_clock::now();
    Result<RetrievalSuite> read = readLareqaMlqaR((datasetRoot / "mlqa-r").string(), {});
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(read.ok()) << read.error().message;
    std::cout << "[ timing ] readLareqaMlqaR, 7 languages: " << seconds << " s\n";
    const RetrievalSuite& suite = read.value();
    const std::vector<std::string> codes{"ar", "de", "en", "es", "hi", "vi", "zh"};
    const std::vector<std::size_t> candidates{2545, 2362, 6264, 1787, 2426, 2828, 2322};
    const std::vector<std::size_t> questions{517, 512, 1148, 500, 507, 511, 504};
    ASSERT_EQ(suite.languages.size(), codes.size());
    for (std::size_t l = 0; l < codes.size(); ++l) {
        EXPECT_EQ(suite.languages[l].code, codes[l]);
        EXPECT_EQ(suite.languages[l].candidates.size(), candidates[l]) << codes[l];
        EXPECT_EQ(suite.languages[l].queries.size(), questions[l]) << codes[l];
    }
    // Shared question ids per pair, counted independently in Python (row X, column Y).
    const std::vector<std::vector<std::size_t>> shared{
        {517, 207, 517, 161, 186, 163, 188},  {207, 512, 512, 196, 163, 182, 190},
        {517, 512, 1148, 500, 507, 511, 504}, {161, 196, 500, 500, 187, 189, 161},
        {186, 163, 507, 187, 507, 177, 189},  {163, 182, 511, 189, 177, 511, 184},
        {188, 190, 504, 161, 189, 184, 504}};
    for (std::size_t x = 0; x < codes.size(); ++x)
        for (std::size_t y = 0; y < codes.size(); ++y) {
            const std::size_t pairQueries = poolQrels(suite, codes[x], {codes[y]}).size();
            EXPECT_EQ(pairQueries, shared[x][y]) << codes[x] << "-" << codes[y];
            EXPECT_EQ(pairQueries, sharedIds(suite.languages[x], suite.languages[y]));
        }
    std::map<std::size_t, std::size_t> queriesByRelevantCount;
    for (const std::string& x : codes)
        for (const auto& [qid, docnos] : poolQrels(suite, x, codes)) {
            EXPECT_GE(docnos.size(), 2u) << x << " " << qid;
            EXPECT_LE(docnos.size(), 4u) << x << " " << qid;
            ++queriesByRelevantCount[docnos.size()];
        }
    // 65 ids in 2 languages, 263 in 3, 820 in 4 (Python): each is a query in each of them.
    EXPECT_EQ(queriesByRelevantCount,
              (std::map<std::size_t, std::size_t>{{2, 130}, {3, 789}, {4, 3280}}));
    // German query 100 and its answer sentences, computed independently in Python.
    const Qrels german = poolQrels(suite, "de", codes);
    EXPECT_EQ(suite.languages[1].queries[100].qid, "ddc785a336861ea5d57c0212a537c956e67db41b");
    EXPECT_EQ(german.at("ddc785a336861ea5d57c0212a537c956e67db41b"),
              (std::vector<std::string>{"de:91:0", "en:618:1", "es:159:0", "hi:76:1"}));
    EXPECT_EQ(german.at("b6fc947411e98316fd0790477c4dc3bd97f4df4c"),
              (std::vector<std::string>{"de:0:9", "en:510:5", "es:5:1", "vi:4:5"}));
}

}  // namespace
}  // namespace mtrec::data
