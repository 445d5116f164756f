#include "eval/text_analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/unistr.h>

namespace mtrec::eval {

struct TextAnalyzer::Impl {
    std::unique_ptr<icu::BreakIterator> words;
};

TextAnalyzer::TextAnalyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TextAnalyzer::TextAnalyzer(TextAnalyzer&&) noexcept = default;
TextAnalyzer& TextAnalyzer::operator=(TextAnalyzer&&) noexcept = default;
TextAnalyzer::~TextAnalyzer() = default;

Result<TextAnalyzer> TextAnalyzer::create(const std::string& languageCode) {
    UErrorCode status = U_ZERO_ERROR;
    auto impl = std::make_unique<Impl>();
    impl->words.reset(
        icu::BreakIterator::createWordInstance(icu::Locale(languageCode.c_str()), status));
    if (U_FAILURE(status) || !impl->words)
        return Error{"ICU has no word break iterator for language '" + languageCode +
                     "': " + u_errorName(status)};
    return TextAnalyzer(std::move(impl));
}

std::vector<std::string> TextAnalyzer::analyze(std::string_view text) {
    const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    icu::BreakIterator& words = *impl_->words;
    words.setText(unicode);
    std::vector<std::string> tokens;
    std::int32_t start = words.first();
    for (std::int32_t end = words.next(); end != icu::BreakIterator::DONE;
         start = end, end = words.next()) {
        const std::int32_t kind = words.getRuleStatus();
        if (kind < UBRK_WORD_NUMBER || kind >= UBRK_WORD_IDEO_LIMIT) continue;
        icu::UnicodeString word(unicode, start, end - start);
        word.foldCase();
        std::string token;
        word.toUTF8String(token);
        tokens.push_back(std::move(token));
    }
    return tokens;
}

}  // namespace mtrec::eval
