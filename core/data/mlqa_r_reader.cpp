#include "data/mlqa_r_reader.h"

#include <filesystem>
#include <unordered_map>

#include "data/dataset_dir.h"
#include "data/parallel_answers.h"
#include "data/sentence_splitter.h"
#include "data/squad_paragraphs.h"

namespace mtrec::data {
namespace {

/// ICU locale keyword that keeps "Dr. Smith" or "H. Lloyd" in one sentence (CLDR's standard
/// suppression list); without it ICU breaks after every abbreviation followed by a capital.
const char* const kSuppressAbbreviations = "@ss=standard";

/// The monolingual file of `code`: the dev file, else the test file, else the dev path (so that the
/// "file not found" error names what was expected).
std::string mlqaFile(const std::string& dir, const std::string& code) {
    const std::string middle = "-context-" + code + "-question-" + code + ".json";
    const std::filesystem::path dev = std::filesystem::path(dir) / ("dev" + middle);
    const std::filesystem::path test = std::filesystem::path(dir) / ("test" + middle);
    std::error_code ec;
    return (!std::filesystem::exists(dev, ec) && std::filesystem::exists(test, ec) ? test : dev)
        .string();
}

std::optional<std::string> mlqaLanguage(const std::string& fileName) {
    for (const std::string prefix : {"dev-context-", "test-context-"}) {
        if (fileName.rfind(prefix, 0) != 0) continue;
        const std::size_t dash = fileName.find('-', prefix.size());
        if (dash == std::string::npos) return std::nullopt;
        const std::string code = fileName.substr(prefix.size(), dash - prefix.size());
        if (!code.empty() && fileName == prefix + code + "-question-" + code + ".json") return code;
    }
    return std::nullopt;
}

/// A distinct context's sentences: where they start among the language's candidates, and their
/// spans.
struct ContextSentences {
    std::size_t first = 0;
    std::vector<SentenceSpan> spans;
};

Result<std::vector<std::size_t>> answerSentences(const SquadQuestion& question,
                                                 const ContextSentences& context) {
    std::vector<std::size_t> found;
    for (const SquadAnswer& answer : question.answers) {
        const auto sentence = sentenceHolding(context.spans, answer.start);
        if (!sentence)
            return answer.startNode.error("answer_start " + std::to_string(answer.start) +
                                          " lies after the last sentence ICU found in the context");
        const std::size_t candidate = context.first + *sentence;
        if (std::find(found.begin(), found.end(), candidate) == found.end())
            found.push_back(candidate);
    }
    std::sort(found.begin(), found.end());
    return found;
}

Result<LanguageData> readLanguage(const std::string& path, const std::string& code,
                                  AnswerSentences& answers) {
    Result<SentenceSplitter> splitter = SentenceSplitter::create(code + kSuppressAbbreviations);
    if (!splitter) return splitter.error();
    Result<JsonDocument> document = JsonDocument::read(path);
    if (!document) return document.error();
    Result<std::vector<SquadParagraph>> paragraphs = readSquadParagraphs(document.value());
    if (!paragraphs) return paragraphs.error();
    LanguageData language;
    language.code = code;
    std::vector<ContextSentences> contexts;
    std::unordered_map<std::string, std::size_t> contextIndex;
    for (const SquadParagraph& paragraph : paragraphs.value()) {
        const auto [known, fresh] = contextIndex.emplace(paragraph.context, contexts.size());
        if (fresh) {
            ContextSentences context{language.candidates.size(), {}};
            const std::string prefix = code + ":" + std::to_string(contexts.size()) + ":";
            for (SplitSentence& sentence : splitter.value().split(paragraph.context)) {
                language.candidates.push_back(Candidate{
                    prefix + std::to_string(context.spans.size()), std::move(sentence.text)});
                context.spans.push_back(sentence.span);
            }
            contexts.push_back(std::move(context));
        }
        for (const SquadQuestion& question : paragraph.questions) {
            Result<std::vector<std::size_t>> relevant =
                answerSentences(question, contexts[known->second]);
            if (!relevant) return relevant.error();
            language.queries.push_back(Query{question.id, question.text});
            answers.push_back(std::move(relevant).value());
        }
    }
    return language;
}

}  // namespace

std::vector<std::string> mlqaRLanguages(const std::string& dir) {
    Result<std::vector<std::string>> codes = chooseLanguages(dir, {}, mlqaLanguage, "");
    return codes ? codes.value() : std::vector<std::string>();
}

Result<RetrievalSuite> readMlqaR(const std::string& dir,
                                 const std::vector<std::string>& languages) {
    Result<std::vector<std::string>> codes =
        chooseLanguages(dir, languages, mlqaLanguage, "dev-context-<lang>-question-<lang>.json");
    if (!codes) return codes.error();
    RetrievalSuite suite;
    suite.name = "mlqa-r";
    suite.parallel = true;
    std::vector<AnswerSentences> answers(codes.value().size());
    for (std::size_t l = 0; l < codes.value().size(); ++l) {
        Result<LanguageData> language =
            readLanguage(mlqaFile(dir, codes.value()[l]), codes.value()[l], answers[l]);
        if (!language) return language.error();
        suite.languages.push_back(std::move(language).value());
    }
    linkParallelAnswers(suite, answers);
    return suite;
}

}  // namespace mtrec::data
