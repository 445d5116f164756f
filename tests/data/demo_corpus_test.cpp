// The bundled demo corpus (resources/demo/, made by scripts/make-demo-corpus.py) read through the
// readers the configs use: the XQuAD-R-layout evaluation suite, the JSONL training pairs and the
// line-parallel translation files; evaluation items never appear in the training files, and the
// corpus stays under 2 MB.
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "data/jsonl_pairs.h"
#include "data/parallel_text.h"
#include "data/xquad_r_reader.h"

namespace mtrec::data {
namespace {

namespace fs = std::filesystem;

const fs::path kDemo = fs::path(MTREC_SOURCE_DIR) / "resources" / "demo";
const std::vector<std::string> kLanguages = {"ar", "de", "en", "es", "ru", "zh"};
constexpr std::size_t kEvalQueries = 144;     // 72 evaluation paragraphs x 2 questions
constexpr std::size_t kEvalCandidates = 360;  // 72 paragraphs x 5 sentences
constexpr std::size_t kTrainItems = 576;      // 288 training paragraphs x 2 questions

RetrievalSuite readSuite() {
    Result<RetrievalSuite> suite = readXquadR((kDemo / "eval").string(), {});
    EXPECT_TRUE(suite.ok()) << suite.error().message;
    return suite.ok() ? std::move(suite).value() : RetrievalSuite{};
}

std::vector<LanguageItems> readTraining() {
    Result<std::vector<LanguageItems>> items = readJsonlItems({(kDemo / "train.jsonl").string()});
    EXPECT_TRUE(items.ok()) << items.error().message;
    return items.ok() ? std::move(items).value() : std::vector<LanguageItems>{};
}

TEST(DemoCorpus, EvaluationSuiteReadsAsXquadRWithSixLanguages) {
    const RetrievalSuite suite = readSuite();
    ASSERT_EQ(suite.languages.size(), kLanguages.size());
    for (std::size_t l = 0; l < kLanguages.size(); ++l) {
        const LanguageData& language = suite.languages[l];
        EXPECT_EQ(language.code, kLanguages[l]);
        EXPECT_EQ(language.queries.size(), kEvalQueries) << language.code;
        EXPECT_EQ(language.candidates.size(), kEvalCandidates) << language.code;
        ASSERT_EQ(language.judgments.size(), kEvalQueries) << language.code;
        for (const std::vector<Judgment>& judged : language.judgments) {
            // One relevant answer sentence in every language, each in its own language.
            ASSERT_EQ(judged.size(), kLanguages.size()) << language.code;
            std::set<std::size_t> languages;
            for (const Judgment& j : judged) languages.insert(j.language);
            EXPECT_EQ(languages.size(), kLanguages.size());
        }
    }
    EXPECT_EQ(suite.languages[2].queries[0].qid, suite.languages[5].queries[0].qid);
}

TEST(DemoCorpus, TrainingPairsReadWithTheirHardNegatives) {
    const std::vector<LanguageItems> items = readTraining();
    ASSERT_EQ(items.size(), kLanguages.size());
    for (std::size_t l = 0; l < kLanguages.size(); ++l) {
        EXPECT_EQ(items[l].lang, kLanguages[l]);
        ASSERT_EQ(items[l].items.size(), kTrainItems) << items[l].lang;
        for (const QaItem& item : items[l].items) {
            ASSERT_TRUE(item.hardNegative.has_value()) << item.id;
            EXPECT_NE(*item.hardNegative, item.passage) << item.id;
        }
    }
    Result<PairPool> pool = buildJsonlPairs({(kDemo / "train.jsonl").string()}, PairKinds{});
    ASSERT_TRUE(pool.ok()) << pool.error().message;
    EXPECT_EQ(pool.value().size(), kTrainItems * kLanguages.size() * kLanguages.size());
}

TEST(DemoCorpus, ParallelFilesHoldTheTrainingItemsLineByLine) {
    for (const std::string& lang : kLanguages) {
        if (lang == "en") continue;
        const fs::path dir = kDemo / "parallel";
        Result<PairPool> pool = readParallelText(
            {(dir / ("demo." + lang)).string(), (dir / "demo.en").string(), "", ""});
        ASSERT_TRUE(pool.ok()) << pool.error().message;
        EXPECT_EQ(pool.value().size(), 2 * kTrainItems) << lang;  // question, answer sentence
    }
}

TEST(DemoCorpus, NoEvaluationItemIsInTheTrainingFiles) {
    const RetrievalSuite suite = readSuite();
    ASSERT_EQ(suite.languages.size(), kLanguages.size());
    std::set<std::string> evalIds, evalTexts;
    for (const LanguageData& language : suite.languages) {
        for (const Query& query : language.queries) {
            evalIds.insert(query.qid);
            evalTexts.insert(query.text);
        }
        for (const Candidate& candidate : language.candidates) evalTexts.insert(candidate.text);
    }
    EXPECT_EQ(evalIds.size(), kEvalQueries);

    std::size_t checked = 0;
    for (const LanguageItems& language : readTraining())
        for (const QaItem& item : language.items) {
            EXPECT_EQ(evalIds.count(item.id), 0u) << item.id;
            EXPECT_EQ(evalTexts.count(item.query), 0u) << item.query;
            EXPECT_EQ(evalTexts.count(item.passage), 0u) << item.passage;
            ++checked;
        }
    EXPECT_EQ(checked, kTrainItems * kLanguages.size());

    for (const std::string& lang : kLanguages) {
        Result<PairPool> pool =
            readParallelText({(kDemo / "parallel" / ("demo." + lang)).string(),
                              (kDemo / "parallel" / "demo.en").string(), "", ""});
        ASSERT_TRUE(pool.ok()) << pool.error().message;
        for (const LanguagePair& languages : pool.value().languagePairs())
            for (const TrainingPair& pair : pool.value().pairs(languages)) {
                EXPECT_EQ(evalTexts.count(pair.query), 0u) << pair.query;
                EXPECT_EQ(evalTexts.count(pair.passage), 0u) << pair.passage;
            }
    }
}

TEST(DemoCorpus, StaysUnderTwoMegabytes) {
    std::uintmax_t total = 0;
    std::size_t files = 0;
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(kDemo))
        if (entry.is_regular_file()) {
            total += entry.file_size();
            ++files;
        }
    EXPECT_EQ(files, 14u);  // train.jsonl, 6 parallel files, 6 eval files, README.md
    EXPECT_LT(total, 2'000'000u);
}

}  // namespace
}  // namespace mtrec::data
