#include "data/xquad_r_reader.h"

#include "data/dataset_dir.h"
#include "data/lareqa_sentences.h"
#include "data/parallel_answers.h"

namespace mtrec::data {
namespace {

std::optional<std::string> xquadRLanguage(const std::string& fileName) {
    return withoutSuffix(fileName, ".json");
}

}  // namespace

std::vector<std::string> xquadRLanguages(const std::string& dir) {
    Result<std::vector<std::string>> codes = chooseLanguages(dir, {}, xquadRLanguage, "");
    return codes ? codes.value() : std::vector<std::string>();
}

Result<RetrievalSuite> readXquadR(const std::string& dir,
                                  const std::vector<std::string>& languages) {
    Result<std::vector<std::string>> codes =
        chooseLanguages(dir, languages, xquadRLanguage, "<lang>.json");
    if (!codes) return codes.error();
    Result<LareqaLanguages> read =
        readLareqaLanguages(dir, codes.value(), AnswerInGap::NextSentence);
    if (!read) return read.error();
    RetrievalSuite suite;
    suite.name = "xquad-r";
    suite.parallel = true;
    suite.languages = std::move(read.value().languages);
    if (Status same = checkSameQuestionIds(suite, read.value().files); !same) return same.error();
    linkParallelAnswers(suite, read.value().answers);
    return suite;
}

}  // namespace mtrec::data
