#include "data/lareqa_mlqa_r_reader.h"

#include <algorithm>

#include "data/dataset_dir.h"
#include "data/lareqa_sentences.h"
#include "data/parallel_answers.h"

namespace mtrec::data {
namespace {

bool isLanguageCode(const std::string& text) {
    return text.size() >= 2 && text.size() <= 3 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

/// "<code>.json" -> code, for a code of 2 or 3 lowercase letters.
std::optional<std::string> mlqaRLanguage(const std::string& fileName) {
    std::optional<std::string> code = withoutSuffix(fileName, ".json");
    if (!code || !isLanguageCode(*code)) return std::nullopt;
    return code;
}

}  // namespace

std::vector<std::string> lareqaMlqaRLanguages(const std::string& dir) {
    Result<std::vector<std::string>> codes = chooseLanguages(dir, {}, mlqaRLanguage, "");
    return codes ? codes.value() : std::vector<std::string>();
}

Result<RetrievalSuite> readLareqaMlqaR(const std::string& dir,
                                       const std::vector<std::string>& languages) {
    Result<std::vector<std::string>> codes =
        chooseLanguages(dir, languages, mlqaRLanguage, "<lang>.json");
    if (!codes) return codes.error();
    Result<LareqaLanguages> read = readLareqaLanguages(dir, codes.value(), AnswerInGap::Error);
    if (!read) return read.error();
    RetrievalSuite suite;
    suite.name = "mlqa-r";
    suite.parallel = true;
    suite.languages = std::move(read.value().languages);
    linkParallelAnswers(suite, read.value().answers);
    return suite;
}

}  // namespace mtrec::data
