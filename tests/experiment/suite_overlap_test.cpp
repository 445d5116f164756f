// Overlap between a run's training data and an evaluation suite (experiment/suite_overlap.h,
// overlap_guard.h): shared question ids, shared passages, none; and the message naming them.
#include <gtest/gtest.h>

#include "experiment/overlap_guard.h"
#include "experiment/suite_overlap.h"

namespace mtrec::experiment {
namespace {

data::TrainingPair pair(const std::string& id, const std::string& lang, const std::string& passage,
                        std::optional<std::string> hardNegative = std::nullopt) {
    return {id, lang, lang, "question " + id, passage, std::move(hardNegative)};
}

/// Two languages; en holds q1 and q2, de holds q1 and q3.
data::RetrievalSuite suite() {
    data::RetrievalSuite suite;
    suite.name = "mlqa-r";
    data::LanguageData en{"en", {{"q1", "Who?"}, {"q2", "When?"}}, {}, {}};
    en.candidates = {{"en:0:0", "Paris is the capital."}, {"en:0:1", "It lies on the  Seine.\n"}};
    data::LanguageData de{"de", {{"q1", "Wer?"}, {"q3", "Wann?"}}, {}, {}};
    de.candidates = {{"de:0:0", "Paris ist die Hauptstadt."}};
    suite.languages = {en, de};
    return suite;
}

TEST(NormalizeWhitespace, CollapsesRunsAndTrimsTheEnds) {
    EXPECT_EQ(normalizeWhitespace("  It lies\ton the \n Seine.\r\n"), "It lies on the Seine.");
    EXPECT_EQ(normalizeWhitespace(""), "");
    EXPECT_EQ(normalizeWhitespace(" \t "), "");
}

TEST(SuiteOverlap, NothingSharedIsClean) {
    data::PairPool train;
    train.add(pair("t1", "en", "Berlin is the capital."));
    const SuiteOverlap overlap = findOverlap(TrainingTexts({&train}), suite());
    EXPECT_FALSE(overlap.any());
    EXPECT_EQ(overlap.questions, 3u) << "q1 counts once over both languages";
    EXPECT_EQ(overlap.passages, 3u);
    EXPECT_EQ(overlap.sharedQuestions, 0u);
    EXPECT_EQ(overlap.sharedPassages, 0u);
}

TEST(SuiteOverlap, ASharedQuestionIdCountsOnceWhateverItsLanguages) {
    data::PairPool train;
    train.add(pair("q1", "es", "Madrid es la capital."));
    const SuiteOverlap overlap = findOverlap(TrainingTexts({&train}), suite());
    EXPECT_EQ(overlap.sharedQuestions, 1u);
    EXPECT_EQ(overlap.sharedPassages, 0u);
    EXPECT_EQ(overlap.questionExamples, std::vector<std::string>{"q1"});
    EXPECT_EQ(describeOverlap(overlap, "train.jsonl"),
              "1 of 3 questions also occur in the training data (train.jsonl, e.g. question id "
              "q1)");
}

TEST(SuiteOverlap, PassagesMatchAfterWhitespaceNormalisationIncludingHardNegatives) {
    data::PairPool train;
    train.add(pair("t1", "en", " Paris is\tthe capital. "));
    data::PairPool validation;
    validation.add(pair("t2", "de", "Andere.", std::string("It lies on the Seine.")));
    const SuiteOverlap overlap = findOverlap(TrainingTexts({&train, &validation}), suite());
    EXPECT_EQ(overlap.sharedQuestions, 0u);
    EXPECT_EQ(overlap.sharedPassages, 2u);
    EXPECT_EQ(overlap.passageExamples,
              (std::vector<std::string>{"Paris is the capital.", "It lies on the Seine."}));
    EXPECT_EQ(describeOverlap(overlap, "qa/"),
              "2 of 3 passages also occur in the training data (qa/, e.g. passage \"Paris is the "
              "capital.\", passage \"It lies on the Seine.\")");
}

TEST(SuiteOverlap, TheMessageNamesBothCountsAndCutsLongPassages) {
    data::RetrievalSuite long_ = suite();
    const std::string sentence(70, 'x');
    long_.languages[1].candidates[0].text = sentence;
    data::PairPool train;
    train.add(pair("q2", "en", sentence));
    train.add(pair("q3", "en", "other"));
    const SuiteOverlap overlap = findOverlap(TrainingTexts({&train}), long_);
    EXPECT_EQ(describeOverlap(overlap, "mlqa/dev"),
              "2 of 3 questions and 1 of 3 passages also occur in the training data (mlqa/dev, "
              "e.g. question id q2, question id q3, passage \"" +
                  std::string(60, 'x') + "…\")");
    const store::SuiteContamination record = contaminationRecord(overlap, "mlqa/dev");
    EXPECT_EQ(record.suite, "mlqa-r");
    EXPECT_EQ(record.questions, 3);
    EXPECT_EQ(record.sharedQuestions, 2);
    EXPECT_EQ(record.passages, 3);
    EXPECT_EQ(record.sharedPassages, 1);
    EXPECT_EQ(record.marker(), "mlqa-r [contaminated: 2 shared questions, 1 shared passage]");
}

}  // namespace
}  // namespace mtrec::experiment
