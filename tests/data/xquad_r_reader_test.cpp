#include "data/xquad_r_reader.h"

#include <array>
#include <chrono>
#include <iostream>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "expect_error.h"
#include "test_support.h"

namespace mtrec::data {
namespace {

using nlohmann::json;
using test::expectError;
using test::TempDir;

using Breaks = std::vector<std::array<int, 2>>;

json question(const std::string& id, const std::string& text, int answerStart) {
    json answer = {{"text", "x"}, {"answer_start", answerStart}};
    return {{"id", id}, {"question", text}, {"answers", json::array({answer})}};
}

json paragraph(const std::string& context, const std::vector<std::string>& sentences,
               const Breaks& breaks, const json& qa) {
    json node = {{"context", context}, {"sentences", sentences}, {"sentence_breaks", breaks}};
    node["qas"] = json::array({qa});
    return node;
}

/// One SQuAD file of articles that hold one paragraph each.
json squad(const std::vector<json>& paragraphs) {
    json data = json::array();
    for (const json& p : paragraphs)
        data.push_back({{"title", "t"}, {"paragraphs", json::array({p})}});
    return {{"version", "1.1"}, {"data", data}};
}

/// Three parallel languages, two articles of one paragraph each. In German the first context has
/// two-byte letters (code points != bytes) and the second an answer in the gap between sentences;
/// in Chinese every character is three bytes.
struct Fixture {
    json en = squad(
        {paragraph("Alpha one. Beta two.", {"Alpha one.", "Beta two."}, {{{0, 10}, {11, 20}}},
                   question("q1", "Which beta?", 11)),
         paragraph("Gamma three.", {"Gamma three."}, {{{0, 12}}}, question("q2", "Gamma?", 0))});
    json de = squad({paragraph("\xC3\x9Cn\xC3\xAF"
                               "code eins. Zwei \xC3\x9Cmlaut.",
                               {"\xC3\x9Cn\xC3\xAF"
                                "code eins.",
                                "Zwei \xC3\x9Cmlaut."},
                               {{{0, 13}, {14, 26}}}, question("q1", "Welches?", 19)),
                     paragraph("Drei.  Vier.", {"Drei.", "Vier."}, {{{0, 5}, {7, 12}}},
                               question("q2", "Vier?", 6))});
    json zh = squad({paragraph("甲乙丙。丁戊己。", {"甲乙丙。", "丁戊己。"}, {{{0, 4}, {4, 8}}},
                               question("q1", "哪个？", 5)),
                     paragraph("庚辛。", {"庚辛。"}, {{{0, 3}}}, question("q2", "庚？", 2))});

    void write(const TempDir& dir) const {
        dir.write("en.json", en.dump());
        dir.write("de.json", de.dump());
        dir.write("zh.json", zh.dump());
        dir.write("README.md", "not a language file");
    }
};

std::vector<std::string> docnos(const LanguageData& language) {
    std::vector<std::string> names;
    for (const Candidate& candidate : language.candidates) names.push_back(candidate.docno);
    return names;
}

/// The judgments of one query as "docno:relevance" strings, for compact comparison.
std::vector<std::string> judged(const RetrievalSuite& suite, const LanguageData& language,
                                std::size_t query) {
    std::vector<std::string> out;
    for (const Judgment& j : language.judgments[query])
        out.push_back(suite.languages[j.language].candidates[j.candidate].docno + ":" +
                      std::to_string(j.relevance));
    return out;
}

TEST(XquadRReader, ReadsCandidatesQueriesAndParallelJudgments) {
    TempDir dir;
    Fixture().write(dir);
    Result<RetrievalSuite> read = readXquadR(dir.path().string(), {});
    ASSERT_TRUE(read.ok()) << read.error().message;
    const RetrievalSuite& suite = read.value();
    EXPECT_EQ(suite.name, "xquad-r");
    EXPECT_TRUE(suite.parallel);
    ASSERT_EQ(suite.languages.size(), 3u);
    const LanguageData& de = suite.languages[0];
    const LanguageData& en = suite.languages[1];
    const LanguageData& zh = suite.languages[2];
    EXPECT_EQ(de.code, "de");
    EXPECT_EQ(docnos(de), (std::vector<std::string>{"de:0:0", "de:0:1", "de:1:0", "de:1:1"}));
    EXPECT_EQ(docnos(en), (std::vector<std::string>{"en:0:0", "en:0:1", "en:1:0"}));
    EXPECT_EQ(de.candidates[1].text, "Zwei \xC3\x9Cmlaut.");
    EXPECT_EQ(zh.candidates[1].text, "丁戊己。");
    ASSERT_EQ(en.queries.size(), 2u);
    EXPECT_EQ(en.queries[0].qid, "q1");
    EXPECT_EQ(en.queries[0].text, "Which beta?");
    EXPECT_EQ(zh.queries[1].text, "庚？");
    // q1: the second sentence everywhere. q2: German's answer (6) lies in the gap before "Vier."
    // (7).
    const std::vector<std::string> q1{"de:0:1:1", "en:0:1:1", "zh:0:1:1"};
    const std::vector<std::string> q2{"de:1:1:1", "en:1:0:1", "zh:1:0:1"};
    for (const LanguageData* language : {&de, &en, &zh}) {
        ASSERT_EQ(language->judgments.size(), 2u);
        EXPECT_EQ(judged(suite, *language, 0), q1) << language->code;
        EXPECT_EQ(judged(suite, *language, 1), q2) << language->code;
    }
    EXPECT_EQ(suite.languages[2].judgments[0][0].language, 0u);
    EXPECT_EQ(suite.languages[2].judgments[0][0].candidate, 1u);
}

TEST(XquadRReader, RequestedLanguagesKeepTheirOrder) {
    TempDir dir;
    Fixture().write(dir);
    Result<RetrievalSuite> read = readXquadR(dir.path().string(), {"zh", "en"});
    ASSERT_TRUE(read.ok()) << read.error().message;
    ASSERT_EQ(read.value().languages.size(), 2u);
    EXPECT_EQ(read.value().languages[0].code, "zh");
    EXPECT_EQ(judged(read.value(), read.value().languages[1], 1),
              (std::vector<std::string>{"zh:1:0:1", "en:1:0:1"}));
}

TEST(XquadRReader, MissingFolderFileAndRepeatedLanguage) {
    TempDir dir;
    Fixture().write(dir);
    const std::string missing = (dir.path() / "nowhere").string();
    expectError(readXquadR(missing, {}), {missing + ": folder not found"});
    expectError(readXquadR(dir.path().string(), {"en", "fr"}),
                {(dir.path() / "fr.json").string() + ": file not found"});
    expectError(readXquadR(dir.path().string(), {"en", "en"}), {"language 'en' requested twice"});
    TempDir none;
    expectError(readXquadR(none.path().string(), {}),
                {none.path().string() + ": no <lang>.json files found"});
}

/// Writes the fixture with `en` changed by `edit` and expects readXquadR to fail naming en.json and
/// `place`.
template <typename Edit>
void expectEnglishError(Edit edit, std::initializer_list<std::string> parts) {
    TempDir dir;
    Fixture fixture;
    edit(fixture.en);
    fixture.write(dir);
    const Result<RetrievalSuite> read = readXquadR(dir.path().string(), {});
    expectError(read, {(dir.path() / "en.json").string() + ": "});
    expectError(read, parts);
}

TEST(XquadRReader, StructureErrorsNameTheJsonPath) {
    expectEnglishError([](json& en) { en["data"][0]["paragraphs"][0].erase("sentence_breaks"); },
                       {"$.data[0].paragraphs[0]: missing key 'sentence_breaks'"});
    expectEnglishError(
        [](json& en) {
            en["data"][1]["paragraphs"][0]["qas"][0]["answers"][0]["answer_start"] = "0";
        },
        {"$.data[1].paragraphs[0].qas[0].answers[0].answer_start: expected an integer, found a "
         "string"});
    expectEnglishError([](json& en) { en["data"][0]["paragraphs"] = json::object(); },
                       {"$.data[0].paragraphs: expected an array, found an object"});
    expectEnglishError([](json& en) { en["data"][0]["paragraphs"][0]["sentences"][1] = 7; },
                       {"$.data[0].paragraphs[0].sentences[1]: expected a string, found a number"});
    expectEnglishError(
        [](json& en) { en["data"][1]["paragraphs"][0]["qas"][0]["answers"] = json::array(); },
        {"$.data[1].paragraphs[0].qas[0]: question 'q2' has no answers"});
}

TEST(XquadRReader, SentenceBreakErrors) {
    expectEnglishError(
        [](json& en) {
            en["data"][0]["paragraphs"][0]["sentence_breaks"][1] = json::array({11, 21});
        },
        {"$.data[0].paragraphs[0].sentence_breaks[1]: sentence break [11, 21] is outside the "
         "context (20 characters)"});
    expectEnglishError(
        [](json& en) {
            en["data"][0]["paragraphs"][0]["sentence_breaks"][1] = json::array({9, 20});
        },
        {"$.data[0].paragraphs[0].sentence_breaks[1]: sentence break [9, 20] starts before "
         "the previous sentence ends (at 10)"});
    expectEnglishError(
        [](json& en) {
            en["data"][0]["paragraphs"][0]["sentence_breaks"][0] = json::array({10, 0});
        },
        {"sentence_breaks[0]: sentence break [10, 0] starts after it ends"});
    expectEnglishError(
        [](json& en) {
            en["data"][0]["paragraphs"][0]["sentence_breaks"][0] = json::array({0, 5, 10});
        },
        {"sentence_breaks[0]: expected [start, end], found 3 numbers"});
    expectEnglishError(
        [](json& en) { en["data"][0]["paragraphs"][0]["sentences"].push_back("Extra."); },
        {"$.data[0].paragraphs[0]: 'sentences' has 3 entries but 'sentence_breaks' has 2"});
    expectEnglishError(
        [](json& en) {
            auto& p = en["data"][0]["paragraphs"][0];
            p["sentences"] = json::array({"Alpha one."});
            p["sentence_breaks"] = json::array({json::array({0, 10})});
        },
        {"$.data[0].paragraphs[0].qas[0].answers[0].answer_start: answer_start 11 lies after the "
         "last "
         "sentence (which ends at 10)"});
}

TEST(XquadRReader, AnswerStartCountsCodePointsNotBytes) {
    TempDir dir;
    Fixture fixture;
    // "庚辛。" is 3 code points but 9 bytes: 3 is already outside it.
    fixture.zh["data"][1]["paragraphs"][0]["qas"][0]["answers"][0]["answer_start"] = 3;
    fixture.write(dir);
    expectError(
        readXquadR(dir.path().string(), {}),
        {(dir.path() / "zh.json").string() +
         ": $.data[1].paragraphs[0].qas[0].answers[0].answer_start: answer_start 3 is outside the "
         "context (3 characters)"});
}

TEST(XquadRReader, QuestionIdsMustMatchAcrossLanguages) {
    TempDir dir;
    Fixture fixture;
    fixture.zh["data"][1]["paragraphs"][0]["qas"][0]["id"] = "q9";
    fixture.write(dir);
    const std::string de = (dir.path() / "de.json").string(),
                      zh = (dir.path() / "zh.json").string();
    expectError(readXquadR(dir.path().string(), {}),
                {zh + ": lacks question id 'q2' that " + de + " holds"});
    expectError(readXquadR(dir.path().string(), {"de", "zh"}),
                {zh + ": lacks question id 'q2' that " + de + " holds"});
    expectError(readXquadR(dir.path().string(), {"zh", "de"}),
                {de + ": lacks question id 'q9' that " + zh + " holds"});
    // With the same ids otherwise, an extra id in a later file is named as held there.
    TempDir extraDir;
    Fixture extra;
    json qa = extra.en["data"][1]["paragraphs"][0]["qas"][0];
    qa["id"] = "q3";
    extra.de["data"][1]["paragraphs"][0]["qas"].push_back(qa);
    extra.de["data"][1]["paragraphs"][0]["qas"][1]["answers"][0]["answer_start"] = 0;
    extra.write(extraDir);
    expectError(readXquadR(extraDir.path().string(), {"en", "de"}),
                {(extraDir.path() / "de.json").string() + ": holds question id 'q3' that " +
                 (extraDir.path() / "en.json").string() + " lacks"});

    TempDir dupDir;
    Fixture dup;
    dup.de["data"][1]["paragraphs"][0]["qas"][0]["id"] = "q1";
    dup.write(dupDir);
    expectError(readXquadR(dupDir.path().string(), {}),
                {(dupDir.path() / "de.json").string() +
                 ": $.data[1].paragraphs[0].qas[0]: duplicate question id 'q1' (first at "
                 "$.data[0].paragraphs[0].qas[0])"});
}

TEST(XquadRReader, BrokenFiles) {
    TempDir dir;
    Fixture().write(dir);
    const std::string text = Fixture().en.dump(1);
    const auto en = dir.write("en.json", text.substr(0, text.size() / 2));
    expectError(readXquadR(dir.path().string(), {}),
                {en.string() + ":", "invalid JSON", "truncated JSON?"});
    dir.write("en.json", "");
    expectError(readXquadR(dir.path().string(), {}), {en.string() + ": file is empty"});
    dir.write("en.json", "{\"data\": [\n{\"title\": \"\xFF\"}]}");
    expectError(readXquadR(dir.path().string(), {}),
                {en.string() + ":2:12: invalid UTF-8 (byte 0xFF)"});
}

TEST(XquadRReader, RealDataCounts) {
    MTREC_REQUIRE_DATASET("xquad-r");
    const auto start = std::chrono::steady_clock::now();
    Result<RetrievalSuite> read = readXquadR((datasetRoot / "xquad-r" / "xquad-r").string(), {});
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(read.ok()) << read.error().message;
    std::cout << "[ timing ] readXquadR, 11 languages: " << seconds << " s\n";
    const std::map<std::string, std::size_t> candidates{
        {"ar", 1222}, {"de", 1276}, {"el", 1234}, {"en", 1180}, {"es", 1215}, {"hi", 1244},
        {"ru", 1219}, {"th", 852},  {"tr", 1167}, {"vi", 1209}, {"zh", 1196}};
    const RetrievalSuite& suite = read.value();
    ASSERT_EQ(suite.languages.size(), 11u);
    for (const LanguageData& language : suite.languages) {
        EXPECT_EQ(language.candidates.size(), candidates.at(language.code)) << language.code;
        EXPECT_EQ(language.queries.size(), 1190u) << language.code;
        for (const auto& judgments : language.judgments)
            ASSERT_EQ(judgments.size(), 11u) << language.code;
    }
    // Question 500 (0-based) and its answer sentence in each language, computed independently in
    // Python.
    const LanguageData& th = suite.languages[suite.languageIndex("th")];
    EXPECT_EQ(th.queries[500].qid, "5725f00938643c19005aced9");
    EXPECT_EQ(judged(suite, th, 500),
              (std::vector<std::string>{"ar:91:3:1", "de:91:3:1", "el:91:3:1", "en:91:2:1",
                                        "es:91:2:1", "hi:91:2:1", "ru:91:2:1", "th:91:2:1",
                                        "tr:91:3:1", "vi:91:3:1", "zh:91:3:1"}));
    EXPECT_EQ(suite.languages[suite.languageIndex("en")].queries[0].text,
              "How many points did the Panthers defense surrender?");
}

}  // namespace
}  // namespace mtrec::data
