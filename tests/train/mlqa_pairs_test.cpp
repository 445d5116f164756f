// Pairs from the real public data (skipped when ../shared/datasets is absent): MLQA dev and
// Tatoeba. The counts are those of the dataset README (questions per language and per pair).
#include <gtest/gtest.h>

#include <iomanip>
#include <iostream>
#include <map>

#include "data/parallel_qa_pairs.h"
#include "data/parallel_text.h"
#include "test_support.h"

namespace mtrec::data {
namespace {

const std::vector<std::string> kMlqa = {"ar", "de", "en", "es", "hi", "vi", "zh"};

std::size_t sharedQuestions(const std::string& x, const std::string& y) {
    static const std::map<std::string, std::size_t> questions = {
        {"en", 1148}, {"de", 512}, {"es", 500}, {"ar", 517}, {"zh", 504}, {"vi", 511}, {"hi", 507}};
    static const std::map<std::string, std::size_t> pairs = {
        {"de-es", 196}, {"ar-de", 207}, {"de-hi", 163}, {"de-vi", 182}, {"de-zh", 190},
        {"ar-es", 161}, {"es-hi", 187}, {"es-vi", 189}, {"es-zh", 161}, {"ar-hi", 186},
        {"ar-vi", 163}, {"ar-zh", 188}, {"hi-vi", 177}, {"hi-zh", 189}, {"vi-zh", 184}};
    if (x == y) return questions.at(x);
    if (x == "en" || y == "en") return questions.at(x == "en" ? y : x);
    return pairs.at(x < y ? x + "-" + y : y + "-" + x);
}

TEST(MlqaPairs, MonoAndCrossPairsPerLanguagePair) {
    MTREC_REQUIRE_DATASET("mlqa/MLQA_V1/dev");
    const std::string dir = (datasetRoot / "mlqa/MLQA_V1/dev").string();
    EXPECT_EQ(qaLanguagesIn(dir), kMlqa);
    std::vector<QaFile> files;
    for (const std::string& lang : kMlqa) files.push_back({lang, *findQaFile(dir, lang)});
    Result<PairPool> pool = buildParallelQaPairs(files, {AnswerUnit::Sentence, true, {}});
    ASSERT_TRUE(pool.ok()) << pool.error().message;

    std::cout << "MLQA dev pairs (rows: query language, columns: passage language)\n     ";
    for (const std::string& y : kMlqa) std::cout << std::setw(6) << y;
    std::cout << "\n";
    std::size_t cross = 0;
    for (const std::string& x : kMlqa) {
        std::cout << std::setw(5) << x;
        for (const std::string& y : kMlqa) {
            const std::size_t count = pool.value().pairs({x, y}).size();
            std::cout << std::setw(6) << count;
            EXPECT_EQ(count, sharedQuestions(x, y)) << x << "-" << y;
            if (x != y) cross += count;
        }
        std::cout << "\n";
    }
    std::cout << "mono " << pool.value().monolingualCount() << ", cross " << cross << "\n";
    EXPECT_EQ(pool.value().monolingualCount(), 1148u + 512 + 500 + 517 + 504 + 511 + 507);
    EXPECT_EQ(pool.value().crossLingualCount(), cross);
    // Every passage is one non-empty sentence of its language's context.
    for (const LanguagePair& languages : pool.value().languagePairs())
        for (const TrainingPair& pair : pool.value().pairs(languages)) {
            ASSERT_FALSE(pair.passage.empty());
            ASSERT_FALSE(pair.query.empty());
        }
}

TEST(MlqaPairs, TatoebaTranslationPairs) {
    MTREC_REQUIRE_DATASET("laser-tatoeba/v1");
    const auto dir = datasetRoot / "laser-tatoeba/v1";
    Result<PairPool> pool = readParallelText(
        {(dir / "tatoeba.deu-eng.deu").string(), (dir / "tatoeba.deu-eng.eng").string(), "", ""});
    ASSERT_TRUE(pool.ok()) << pool.error().message;
    EXPECT_EQ(pool.value().pairs({"deu", "eng"}).size(), 1000u);
    EXPECT_EQ(pool.value().pairs({"deu", "eng"})[0].groupId, "tatoeba.deu-eng:1");
}

}  // namespace
}  // namespace mtrec::data
