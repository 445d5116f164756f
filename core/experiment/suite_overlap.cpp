#include "experiment/suite_overlap.h"

#include <unordered_set>

namespace mtrec::experiment {
namespace {

constexpr std::size_t kExampleCodePoints = 60;

bool isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// The first kExampleCodePoints code points of `text`, "…" appended when cut.
std::string shortened(const std::string& text) {
    std::size_t codePoints = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool starts = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        if (starts && codePoints++ == kExampleCodePoints) return text.substr(0, i) + "…";
    }
    return text;
}

std::string plural(std::size_t count, const std::string& noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

std::string countsText(const SuiteOverlap& overlap) {
    const std::string questions =
        std::to_string(overlap.sharedQuestions) + " of " + plural(overlap.questions, "question");
    const std::string passages =
        std::to_string(overlap.sharedPassages) + " of " + plural(overlap.passages, "passage");
    if (overlap.sharedQuestions > 0 && overlap.sharedPassages > 0)
        return questions + " and " + passages;
    return overlap.sharedQuestions > 0 ? questions : passages;
}

std::string examplesText(const SuiteOverlap& overlap) {
    std::string text;
    const auto add = [&text](const std::string& example) {
        text += (text.empty() ? "e.g. " : ", ") + example;
    };
    for (const std::string& id : overlap.questionExamples) add("question id " + id);
    for (const std::string& passage : overlap.passageExamples)
        add("passage \"" + shortened(passage) + "\"");
    return text;
}

}  // namespace

std::string normalizeWhitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (const char c : text) {
        if (isAsciiSpace(c)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

TrainingTexts::TrainingTexts(const std::vector<const data::PairPool*>& pools) {
    for (const data::PairPool* pool : pools)
        for (const data::LanguagePair& languages : pool->languagePairs())
            for (const data::TrainingPair& pair : pool->pairs(languages)) {
                questions_.insert(pair.groupId);
                passages_.insert(normalizeWhitespace(pair.passage));
                if (pair.hardNegative) passages_.insert(normalizeWhitespace(*pair.hardNegative));
            }
}

SuiteOverlap findOverlap(const TrainingTexts& training, const data::RetrievalSuite& suite) {
    SuiteOverlap overlap;
    overlap.suite = suite.name;
    std::unordered_set<std::string> seenQuestions;
    for (const data::LanguageData& language : suite.languages) {
        for (const data::Query& query : language.queries) {
            if (!seenQuestions.insert(query.qid).second || !training.hasQuestion(query.qid))
                continue;
            ++overlap.sharedQuestions;
            if (overlap.questionExamples.size() < kOverlapExamples)
                overlap.questionExamples.push_back(query.qid);
        }
        overlap.passages += language.candidates.size();
        for (const data::Candidate& candidate : language.candidates) {
            if (!training.hasPassage(candidate.text)) continue;
            ++overlap.sharedPassages;
            if (overlap.passageExamples.size() < kOverlapExamples)
                overlap.passageExamples.push_back(normalizeWhitespace(candidate.text));
        }
    }
    overlap.questions = seenQuestions.size();
    return overlap;
}

std::string describeOverlap(const SuiteOverlap& overlap, const std::string& trainingSource) {
    return countsText(overlap) + " also occur in the training data (" + trainingSource + ", " +
           examplesText(overlap) + ")";
}

}  // namespace mtrec::experiment
