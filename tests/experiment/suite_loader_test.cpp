// Which MLQA-R construction the `mlqa-r` suite reads: LAReQA's files where the data folder (or its
// mlqa-r/ folder) holds them, else raw MLQA dev split with ICU.
#include "experiment/suite_loader.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace mtrec::experiment {
namespace {

/// One SQuAD file of one paragraph with one question "q1" answered at 0; `sentences` adds
/// LAReQA's fields (the whole context as one sentence).
std::string squadFile(const std::string& context, bool sentences) {
    const std::string qas = R"("qas": [{"id": "q1", "question": "Who?",
                                        "answers": [{"text": "x", "answer_start": 0}]}])";
    const std::string lareqa =
        sentences ? R"("sentences": [")" + context + R"("], "sentence_breaks": [[0, 18]], )"
                  : std::string();
    return R"({"data": [{"title": "t", "paragraphs": [{"context": ")" + context + "\", " + lareqa +
           qas + "}]}]}";
}

/// LAReQA's MLQA-R (English, "Dr. Who left. Yes." as one sentence) under mlqa-r/ and in XQuAD-R's
/// place, raw MLQA dev (Chinese, two sentences for ICU) under mlqa/MLQA_V1/dev.
struct Folders {
    test::TempDir root;
    Folders() {
        root.write("mlqa-r/en.json", squadFile("Dr. Who left. Yes.", true));
        root.write("mlqa-r/README.md", "");
        root.write("xquad-r/en.json", squadFile("Dr. Who left. Yes.", true));
        root.write("mlqa/MLQA_V1/dev/dev-context-zh-question-zh.json",
                   squadFile("一。二。", false));
    }
    std::string path(const std::string& relative = "") const {
        return relative.empty() ? root.path().string() : (root.path() / relative).string();
    }
};

std::vector<std::string> candidateTexts(const data::RetrievalSuite& suite) {
    std::vector<std::string> texts;
    for (const data::LanguageData& language : suite.languages)
        for (const data::Candidate& candidate : language.candidates)
            texts.push_back(candidate.docno + " " + candidate.text);
    return texts;
}

using Texts = std::vector<std::string>;

TEST(SuiteLoader, MlqaRReadsLareqaFilesWhereTheFolderHoldsThem) {
    Folders folders;
    for (const std::string& dir : {folders.path(), folders.path("mlqa-r")}) {
        Result<LoadedSuites> loaded = loadSuites({"mlqa-r", dir, {}});
        ASSERT_TRUE(loaded.ok()) << loaded.error().message;
        ASSERT_EQ(loaded.value().suites.size(), 1u);
        EXPECT_EQ(loaded.value().suites[0].name, "mlqa-r");
        EXPECT_EQ(candidateTexts(loaded.value().suites[0]), (Texts{"en:0:0 Dr. Who left. Yes."}))
            << dir;
    }
    EXPECT_EQ(suiteLanguages("mlqa-r", folders.path()).value(), (Texts{"en"}));
}

TEST(SuiteLoader, MlqaRSplitsRawMlqaWithIcuElsewhere) {
    Folders folders;
    Result<LoadedSuites> loaded = loadSuites({"mlqa-r", folders.path("mlqa"), {}});
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(candidateTexts(loaded.value().suites[0]), (Texts{"zh:0:0 一。", "zh:0:1 二。"}));
    EXPECT_EQ(suiteLanguages("mlqa-r", folders.path("mlqa")).value(), (Texts{"zh"}));
}

TEST(SuiteLoader, MtrecBundlePrefersLareqaMlqaR) {
    Folders folders;
    Result<LoadedSuites> loaded = loadSuites({"mtrec", folders.path(), {"en"}});
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    ASSERT_EQ(loaded.value().suites.size(), 2u);
    EXPECT_EQ(loaded.value().suites[1].name, "mlqa-r");
    EXPECT_EQ(candidateTexts(loaded.value().suites[1]), (Texts{"en:0:0 Dr. Who left. Yes."}));
}

}  // namespace
}  // namespace mtrec::experiment
