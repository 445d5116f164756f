// The overlap guard on the public data (../shared/datasets, skipped when absent): MLQA dev, the
// paper protocol's training data, against LAReQA's MLQA-R (MLQA dev itself) and XQuAD-R (from
// SQuAD dev; MLQA comes from other Wikipedia articles).
#include <gtest/gtest.h>

#include <iostream>

#include "data/parallel_qa_pairs.h"
#include "experiment/suite_loader.h"
#include "experiment/suite_overlap.h"
#include "test_support.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

/// The pairs a config with parallel_qa.folder = MLQA dev and every language trains and validates
/// on (answer sentences, no hard negatives).
data::PairPool mlqaDevPairs(const fs::path& folder) {
    std::vector<data::QaFile> files;
    for (const std::string& lang : data::qaLanguagesIn(folder.string()))
        files.push_back({lang, *data::findQaFile(folder.string(), lang)});
    return data::buildParallelQaPairs(files, {data::AnswerUnit::Sentence, false, {}}).value();
}

data::RetrievalSuite onlySuite(const std::string& suite, const fs::path& folder) {
    Result<LoadedSuites> loaded = loadSuites({suite, folder.string(), {}});
    if (!loaded) throw std::runtime_error(loaded.error().message);
    return std::move(loaded.value().suites.at(0));
}

/// MLQA dev against one suite of the datasets folder, the counts printed.
SuiteOverlap mlqaDevAgainst(const fs::path& root, const std::string& suite,
                            const std::string& folder) {
    const data::PairPool pairs = mlqaDevPairs(root / "mlqa/MLQA_V1/dev");
    const SuiteOverlap overlap =
        findOverlap(TrainingTexts({&pairs}), onlySuite(suite, root / folder));
    std::cout << "MLQA dev vs " << suite << ": " << overlap.sharedQuestions << " of "
              << overlap.questions << " questions, " << overlap.sharedPassages << " of "
              << overlap.passages << " passages\n";
    return overlap;
}

TEST(OverlapRealData, MlqaDevSharesEveryQuestionWithLareqasMlqaR) {
    MTREC_REQUIRE_DATASET("mlqa/MLQA_V1/dev");
    if (!fs::exists(datasetRoot / "mlqa-r")) GTEST_SKIP() << "no mlqa-r in " << datasetRoot;
    const SuiteOverlap overlap = mlqaDevAgainst(datasetRoot, "mlqa-r", "mlqa-r");
    // Measured: every question; of the 20,534 candidates (the papers' pools), the 3,831 that hold
    // an answer as MLQA dev's ICU split finds it (LAReQA's breaks differ in places).
    EXPECT_EQ(overlap.questions, 1148u);
    EXPECT_EQ(overlap.sharedQuestions, 1148u);
    EXPECT_EQ(overlap.passages, 20534u);
    EXPECT_EQ(overlap.sharedPassages, 3831u);
}

TEST(OverlapRealData, MlqaDevSharesNothingWithXquadR) {
    MTREC_REQUIRE_DATASET("mlqa/MLQA_V1/dev");
    if (!fs::exists(datasetRoot / "xquad-r/xquad-r"))
        GTEST_SKIP() << "no xquad-r/xquad-r in " << datasetRoot;
    const SuiteOverlap overlap = mlqaDevAgainst(datasetRoot, "xquad-r", "xquad-r/xquad-r");
    // Measured: nothing shared, so the paper protocol's zero-shot evaluation passes the guard.
    EXPECT_EQ(overlap.questions, 1190u);
    EXPECT_EQ(overlap.passages, 13014u);
    EXPECT_EQ(overlap.sharedQuestions, 0u);
    EXPECT_EQ(overlap.sharedPassages, 0u);
}

}  // namespace
}  // namespace mtrec::experiment
