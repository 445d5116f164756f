#include "data/sentence_splitter.h"

#include <stdexcept>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "common/utf8.h"

namespace mtrec::data {

struct SentenceSplitter::Impl {
    std::unique_ptr<icu::BreakIterator> iterator;
};

SentenceSplitter::SentenceSplitter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;
SentenceSplitter::~SentenceSplitter() = default;

Result<SentenceSplitter> SentenceSplitter::create(const std::string& locale) {
    UErrorCode status = U_ZERO_ERROR;
    auto impl = std::make_unique<Impl>();
    impl->iterator.reset(
        icu::BreakIterator::createSentenceInstance(icu::Locale(locale.c_str()), status));
    if (U_FAILURE(status) || !impl->iterator)
        return Error{"ICU cannot create a sentence break iterator for locale '" + locale +
                     "': " + u_errorName(status)};
    return SentenceSplitter(std::move(impl));
}

std::vector<SplitSentence> SentenceSplitter::split(const std::string& utf8) {
    if (findInvalidUtf8(utf8))
        throw std::invalid_argument("SentenceSplitter::split: invalid UTF-8");
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    const CodePointOffsets offsets(utf8);
    icu::BreakIterator& iterator = *impl_->iterator;
    iterator.setText(text);
    std::vector<SplitSentence> sentences;
    std::int32_t begin = iterator.first();
    for (std::int32_t end = iterator.next(); end != icu::BreakIterator::DONE;
         begin = end, end = iterator.next()) {
        std::int32_t from = begin, to = end;
        while (from < to && u_isUWhiteSpace(text.char32At(from))) from = text.moveIndex32(from, 1);
        while (to > from && u_isUWhiteSpace(text.char32At(text.moveIndex32(to, -1))))
            to = text.moveIndex32(to, -1);
        if (from == to) continue;
        SplitSentence sentence;
        text.tempSubStringBetween(from, to).toUTF8String(sentence.text);
        sentence.span = SentenceSpan{offsets.codePointAtUtf16(static_cast<std::size_t>(from)),
                                     offsets.codePointAtUtf16(static_cast<std::size_t>(to))};
        sentences.push_back(std::move(sentence));
    }
    return sentences;
}

}  // namespace mtrec::data
