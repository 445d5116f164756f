// Pair builders: parallel QA files, JSONL, line-parallel sentences, validation split.
#include <gtest/gtest.h>

#include <set>

#include "data/expect_error.h"
#include "data/jsonl_pairs.h"
#include "data/pair_selection.h"
#include "data/parallel_qa_pairs.h"
#include "data/parallel_text.h"
#include "test_support.h"
#include "train_fixtures.h"

namespace mtrec::data {
namespace {

using test::expectError;

std::vector<QaFile> fixtureFiles(const std::string& dir) {
    std::vector<QaFile> files;
    for (const std::string lang : {"en", "de", "fr"})
        files.push_back({lang, *findQaFile(dir, lang)});
    return files;
}

const TrainingPair& pairOf(const PairPool& pool, const std::string& query,
                           const std::string& passage, const std::string& group) {
    for (const TrainingPair& pair : pool.pairs({query, passage}))
        if (pair.groupId == group) return pair;
    throw std::runtime_error("no pair " + group + " " + query + "-" + passage);
}

TEST(ParallelQaPairs, MonoAndCrossPairsOfAnswerSentences) {
    test::TempDir tmp;
    const std::string dir = test::writeParallelQaFixture(tmp.path().string());
    Result<PairPool> pool = buildParallelQaPairs(fixtureFiles(dir), {});
    ASSERT_TRUE(pool.ok()) << pool.error().message;
    const PairPool& pairs = pool.value();
    EXPECT_EQ(pairs.pairs({"en", "en"}).size(), 3u);
    EXPECT_EQ(pairs.pairs({"de", "de"}).size(), 3u);
    EXPECT_EQ(pairs.pairs({"fr", "fr"}).size(), 2u);
    EXPECT_EQ(pairs.pairs({"en", "de"}).size(), 3u);
    EXPECT_EQ(pairs.pairs({"de", "en"}).size(), 3u);
    for (const auto& [x, y] : std::vector<std::pair<std::string, std::string>>{
             {"en", "fr"}, {"fr", "en"}, {"de", "fr"}, {"fr", "de"}})
        EXPECT_EQ(pairs.pairs({x, y}).size(), 2u) << x << "-" << y;  // fr lacks q3
    EXPECT_EQ(pairs.monolingualCount(), 8u);
    EXPECT_EQ(pairs.crossLingualCount(), 14u);
    EXPECT_EQ(pairs.languages(), (std::vector<std::string>{"de", "en", "fr"}));

    const TrainingPair& mono = pairOf(pairs, "en", "en", "q1");
    EXPECT_EQ(mono.query, "What is second?");
    EXPECT_EQ(mono.passage, "Beta is second.");
    EXPECT_FALSE(mono.hardNegative);
    const TrainingPair& cross = pairOf(pairs, "en", "fr", "q1");
    EXPECT_EQ(cross.query, "What is second?");
    EXPECT_EQ(cross.passage, "Beta est second.");
    EXPECT_EQ(pairOf(pairs, "fr", "de", "q2").passage, "Alpha ist erst.");
    // File order within a pool.
    EXPECT_EQ(pairs.pairs({"en", "en"})[2].groupId, "q3");
    EXPECT_EQ(pairs.pairs({"en", "en"})[2].passage, "One sentence only.");
}

TEST(ParallelQaPairs, HardNegativesAreNeighbouringSentences) {
    test::TempDir tmp;
    const std::string dir = test::writeParallelQaFixture(tmp.path().string());
    Result<PairPool> pool =
        buildParallelQaPairs(fixtureFiles(dir), {AnswerUnit::Sentence, true, {}});
    ASSERT_TRUE(pool.ok()) << pool.error().message;
    EXPECT_EQ(*pairOf(pool.value(), "en", "en", "q1").hardNegative, "Gamma is third.");
    EXPECT_EQ(*pairOf(pool.value(), "en", "en", "q2").hardNegative, "Beta is second.");
    EXPECT_FALSE(pairOf(pool.value(), "en", "en", "q3").hardNegative);  // one sentence
    // Last sentence: the one before. A cross pair's negative is in the passage language.
    EXPECT_EQ(*pairOf(pool.value(), "en", "fr", "q1").hardNegative, "Alpha est premier.");
}

TEST(ParallelQaPairs, ParagraphUnitAndMonoOnly) {
    test::TempDir tmp;
    const std::string dir = test::writeParallelQaFixture(tmp.path().string());
    Result<PairPool> pool = buildParallelQaPairs(
        fixtureFiles(dir), {AnswerUnit::Paragraph, true, PairKinds{true, false}});
    ASSERT_TRUE(pool.ok()) << pool.error().message;
    EXPECT_EQ(pool.value().crossLingualCount(), 0u);
    EXPECT_EQ(pool.value().monolingualCount(), 8u);
    const TrainingPair& first = pairOf(pool.value(), "en", "en", "q1");
    EXPECT_EQ(first.passage, "Alpha is first. Beta is second. Gamma is third.");
    EXPECT_EQ(*first.hardNegative, "One sentence only.");
    EXPECT_EQ(*pairOf(pool.value(), "en", "en", "q3").hardNegative,
              "Alpha is first. Beta is second. Gamma is third.");
    EXPECT_FALSE(pairOf(pool.value(), "fr", "fr", "q1").hardNegative);  // fr has one paragraph
}

TEST(ParallelQaPairs, FindsFilesByTheBenchmarksNames) {
    test::TempDir tmp;
    const std::string dir = test::writeParallelQaFixture(tmp.path().string());
    tmp.write("xquad.el.json", test::squadJson({}));
    tmp.write("th.json", test::squadJson({}));
    tmp.write("config.json", "{}");
    EXPECT_EQ(qaLanguagesIn(dir), (std::vector<std::string>{"de", "el", "en", "fr", "th"}));
    EXPECT_EQ(*findQaFile(dir, "el"), (tmp.path() / "xquad.el.json").string());
    EXPECT_FALSE(findQaFile(dir, "zh"));
    EXPECT_TRUE(qaLanguagesIn((tmp.path() / "missing").string()).empty());
}

// Found by the training_config fuzzer: a language holding '%' (the patterns' placeholder) made the
// name filling replace its own output forever.
TEST(ParallelQaPairs, ALanguageHoldingThePlaceholderIsLookedUpLiterally) {
    test::TempDir tmp;
    const std::string dir = test::writeParallelQaFixture(tmp.path().string());
    tmp.write("xquad.%n.json", test::squadJson({}));
    EXPECT_EQ(*findQaFile(dir, "%n"), (tmp.path() / "xquad.%n.json").string());
    EXPECT_FALSE(findQaFile(dir, "%"));
}

TEST(ParallelQaPairs, ErrorsNameTheFileAndPlace) {
    test::TempDir tmp;
    const auto bad = tmp.write("bad.json", "{\"data\": [\n  {\"paragraphs\": 3}\n]}");
    expectError(buildParallelQaPairs({{"en", bad.string()}}, {}),
                {bad.string(), "$.data[0].paragraphs", "expected an array"});
    const auto broken = tmp.write("broken.json", "{\"data\": [\n  }");
    expectError(buildParallelQaPairs({{"en", broken.string()}}, {}), {broken.string() + ":2:"});
    const std::string dir = test::writeParallelQaFixture(tmp.path().string());
    expectError(
        buildParallelQaPairs({{"en", *findQaFile(dir, "en")}, {"en", *findQaFile(dir, "de")}}, {}),
        {"language 'en' is given twice"});
}

TEST(JsonlPairs, LinesWithOneIdAreParallel) {
    test::TempDir tmp;
    const auto file = tmp.write(
        "pairs.jsonl",
        "{\"id\": \"a\", \"lang\": \"en\", \"query\": \"qa-en\", \"passage\": \"pa-en\"}\n"
        "\n"
        "{\"id\": \"a\", \"lang\": \"de\", \"query\": \"qa-de\", \"passage\": \"pa-de\", "
        "\"hard_negative\": \"na-de\"}\n"
        "{\"id\": \"b\", \"lang\": \"en\", \"query\": \"qb-en\", \"passage\": \"pb-en\"}\n");
    Result<PairPool> pool = buildJsonlPairs({file.string()}, {});
    ASSERT_TRUE(pool.ok()) << pool.error().message;
    EXPECT_EQ(pool.value().pairs({"en", "en"}).size(), 2u);
    EXPECT_EQ(pool.value().pairs({"de", "de"}).size(), 1u);
    ASSERT_EQ(pool.value().pairs({"en", "de"}).size(), 1u);
    const TrainingPair& cross = pool.value().pairs({"en", "de"})[0];
    EXPECT_EQ(cross.query, "qa-en");
    EXPECT_EQ(cross.passage, "pa-de");
    EXPECT_EQ(*cross.hardNegative, "na-de");
    EXPECT_EQ(pool.value().pairs({"de", "en"})[0].passage, "pa-en");
    EXPECT_EQ(pool.value().size(), 5u);
}

TEST(JsonlPairs, ErrorsNameFileLineAndField) {
    test::TempDir tmp;
    const std::string ok = R"({"id": "a", "lang": "en", "query": "q", "passage": "p"})";
    const auto twice = tmp.write("twice.jsonl", ok + "\n" + ok + "\n");
    expectError(readJsonlItems({twice.string()}),
                {twice.string() + ":2", "id 'a' in language 'en'", twice.string() + ":1"});
    const auto missing =
        tmp.write("missing.jsonl", ok + "\n{\"id\": \"b\", \"lang\": \"en\", \"query\": \"q\"}\n");
    expectError(readJsonlItems({missing.string()}),
                {missing.string() + ":2", "$", "missing key 'passage'"});
    const auto typo =
        tmp.write("typo.jsonl", R"({"id": "a", "lang": "en", "query": "q", "pasage": "p"})"
                                "\n");
    expectError(readJsonlItems({typo.string()}), {typo.string() + ":1", "unknown key 'pasage'"});
    const auto empty =
        tmp.write("empty.jsonl", R"({"id": "a", "lang": "", "query": "q", "passage": "p"})");
    expectError(readJsonlItems({empty.string()}), {empty.string() + ":1", "$.lang", "empty"});
    const auto broken = tmp.write("broken.jsonl", ok + "\n{\"id\": \n");
    expectError(readJsonlItems({broken.string()}), {broken.string() + ":2:"});
}

TEST(ParallelText, LineIPairsWithLineI) {
    test::TempDir tmp;
    const auto deu = tmp.write("tatoeba.deu-eng.deu", "Hallo.\nDanke schön.\r\nJa.\n");
    const auto eng = tmp.write("tatoeba.deu-eng.eng", "Hello.\nThank you.\nYes.\n");
    Result<PairPool> pool = readParallelText({deu.string(), eng.string(), "", ""});
    ASSERT_TRUE(pool.ok()) << pool.error().message;
    const std::vector<TrainingPair>& pairs = pool.value().pairs({"deu", "eng"});
    ASSERT_EQ(pairs.size(), 3u);
    EXPECT_EQ(pairs[1].groupId, "tatoeba.deu-eng:2");
    EXPECT_EQ(pairs[1].query, "Danke schön.");
    EXPECT_EQ(pairs[1].passage, "Thank you.");
    Result<PairPool> named = readParallelText({deu.string(), eng.string(), "de", "en"});
    ASSERT_TRUE(named.ok());
    EXPECT_EQ(named.value().pairs({"de", "en"}).size(), 3u);
}

TEST(ParallelText, ErrorsNameFileAndLine) {
    test::TempDir tmp;
    const auto three = tmp.write("a.deu", "a\nb\nc\n");
    const auto two = tmp.write("a.eng", "a\nb\n");
    expectError(readParallelText({three.string(), two.string(), "", ""}),
                {three.string() + " has 3 lines", two.string() + " has 2"});
    const auto gap = tmp.write("b.eng", "a\n\nc\n");
    expectError(readParallelText({three.string(), gap.string(), "", ""}),
                {gap.string() + ":2", "empty line"});
    const auto invalid = tmp.write("c.eng", "a\nb\xff\nc\n");
    expectError(readParallelText({three.string(), invalid.string(), "", ""}),
                {invalid.string() + ":2:2", "invalid UTF-8"});
    const auto bare = tmp.write("noext", "a\nb\nc\n");
    expectError(readParallelText({three.string(), bare.string(), "", ""}),
                {bare.string(), "cannot tell the language"});
}

std::set<std::string> groupsOf(const PairPool& pool) {
    const std::vector<std::string> ids = pool.groupIds();
    return {ids.begin(), ids.end()};
}

TEST(PairSelection, ValidationHoldsOutWholeGroupsInTheAskedLanguages) {
    const PairPool pool = test::parallelPool({"de", "en", "es"}, 100);  // 9 pairs a group
    const PairSplit split = splitValidation(pool, 0.1, {"en"}, 42);
    EXPECT_EQ(split.validation.size(), 10u);
    EXPECT_EQ(split.validation.languagePairs(), (std::vector<LanguagePair>{{"en", "en"}}));
    EXPECT_EQ(split.train.size(), 900u - 10 * 9);
    const std::set<std::string> held = groupsOf(split.validation);
    for (const std::string& group : groupsOf(split.train)) EXPECT_FALSE(held.count(group));
    // The same seed holds out the same groups; another seed others.
    EXPECT_EQ(groupsOf(splitValidation(pool, 0.1, {"en"}, 42).validation), held);
    EXPECT_NE(groupsOf(splitValidation(pool, 0.1, {"en"}, 43).validation), held);
    // Only groups that have a pair in the languages can be held out.
    const PairPool fewEnglish = test::parallelPool({"de", "en"}, 100, {{"en", 20}});
    const PairSplit few = splitValidation(fewEnglish, 0.1, {"en"}, 1);
    EXPECT_EQ(few.validation.size(), 2u);
    for (const std::string& group : groupsOf(few.validation))
        EXPECT_LT(std::stoi(group.substr(1)), 20);
    // No languages: every language pair of the held-out groups.
    EXPECT_EQ(splitValidation(pool, 0.05, {}, 7).validation.size(), 5u * 9);
    EXPECT_TRUE(splitValidation(pool, 0.0, {"en"}, 7).validation.empty());
    EXPECT_THROW(splitValidation(pool, 1.0, {}, 7), std::invalid_argument);
}

TEST(PairSelection, SampleGroupsAndMerge) {
    const PairPool pool = test::parallelPool({"de", "en"}, 50);
    const PairPool sample = sampleGroups(pool, 10, 3);
    EXPECT_EQ(sample.groupIds().size(), 10u);
    EXPECT_EQ(sample.size(), 40u);
    EXPECT_EQ(sampleGroups(pool, 100, 3).size(), pool.size());
    PairPool merged = sample;
    expectError(mergePairs(pool, merged, "more.jsonl"), {"more.jsonl", "is given twice"});
    EXPECT_EQ(merged.size(), 40u);  // nothing added
    PairPool other = test::translationPool("deu", "eng", 5);
    ASSERT_TRUE(mergePairs(other, merged, "tatoeba").ok());
    EXPECT_EQ(merged.size(), 45u);
}

}  // namespace
}  // namespace mtrec::data
