#include "text/bert_basic_tokenizer.h"

#include <stdexcept>

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace mtrec::text {

namespace {

bool isWhitespace(UChar32 c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || u_charType(c) == U_SPACE_SEPARATOR;
}

/// BERT's control characters: every C* category (Cc, Cf, Cs, Co, Cn) except the whitespace ones.
bool isControl(UChar32 c) {
    if (c == '\t' || c == '\n' || c == '\r') return false;
    return (U_GET_GC_MASK(c) & U_GC_C_MASK) != 0;
}

/// Unicode P* plus every non-alphanumeric ASCII symbol ("^", "$", "`" are punctuation to BERT).
bool isPunctuation(UChar32 c) {
    if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) ||
        (c >= 123 && c <= 126))
        return true;
    return (U_GET_GC_MASK(c) & U_GC_P_MASK) != 0;
}

/// The CJK Unified Ideographs blocks BERT splits (not Hangul, Hiragana or Katakana).
bool isCjkIdeograph(UChar32 c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2B73F) ||
           (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

icu::UnicodeString normalize(const icu::Normalizer2* (*instance)(UErrorCode&),
                             const icu::UnicodeString& text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = instance(status);
    icu::UnicodeString result;
    if (U_SUCCESS(status)) result = normalizer->normalize(text, status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU normalization failed: ") + u_errorName(status));
    return result;
}

icu::UnicodeString getNfc(const icu::UnicodeString& text) {
    return normalize(&icu::Normalizer2::getNFCInstance, text);
}

icu::UnicodeString stripAccents(const icu::UnicodeString& text) {
    const icu::UnicodeString decomposed = normalize(&icu::Normalizer2::getNFDInstance, text);
    icu::UnicodeString stripped;
    for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
        const UChar32 c = decomposed.char32At(i);
        if (u_charType(c) != U_NON_SPACING_MARK) stripped.append(c);
    }
    return stripped;
}

/// Clean-up and CJK spacing, before NFC (BERT's _clean_text and _tokenize_chinese_chars).
icu::UnicodeString cleanText(const icu::UnicodeString& input, bool splitCjk) {
    icu::UnicodeString cleaned;
    for (int32_t i = 0; i < input.length(); i = input.moveIndex32(i, 1)) {
        const UChar32 c = input.char32At(i);
        if (c == 0 || c == 0xFFFD || isControl(c)) continue;
        if (isWhitespace(c)) {
            cleaned.append(UChar32{' '});
        } else if (splitCjk && isCjkIdeograph(c)) {
            cleaned.append(UChar32{' '}).append(c).append(UChar32{' '});
        } else {
            cleaned.append(c);
        }
    }
    return cleaned;
}

std::string toUtf8(const icu::UnicodeString& text) {
    std::string utf8;
    text.toUTF8String(utf8);
    return utf8;
}

}  // namespace

BertBasicTokenizer::BertBasicTokenizer(BertBasicOptions options, std::set<std::string> keepWhole)
    : options_(options), keepWhole_(std::move(keepWhole)) {}

std::vector<std::string> BertBasicTokenizer::split(std::string_view text) const {
    const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    const icu::UnicodeString normalized = getNfc(cleanText(input, options_.splitCjk));

    std::vector<std::string> words;
    int32_t start = 0;
    for (int32_t i = 0; i <= normalized.length(); i = normalized.moveIndex32(i, 1)) {
        const bool atEnd = i == normalized.length();
        const UChar32 c = atEnd ? UChar32{' '} : normalized.char32At(i);
        if (c == ' ' || u_isUWhiteSpace(c)) {
            if (i > start) splitWord(toUtf8(normalized.tempSubStringBetween(start, i)), words);
            start = normalized.moveIndex32(i, 1);
        }
        if (atEnd) break;
    }
    return words;
}

void BertBasicTokenizer::splitWord(const std::string& word, std::vector<std::string>& out) const {
    if (keepWhole_.count(word) != 0) {
        out.push_back(word);
        return;
    }
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(word);
    if (options_.lowerCase) text.toLower(icu::Locale::getRoot());
    if (options_.stripAccents.value_or(options_.lowerCase)) text = stripAccents(text);

    icu::UnicodeString current;
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        const UChar32 c = text.char32At(i);
        if (!isPunctuation(c)) {
            current.append(c);
            continue;
        }
        if (!current.isEmpty()) out.push_back(toUtf8(current));
        current.remove();
        out.push_back(toUtf8(icu::UnicodeString(c)));
    }
    if (!current.isEmpty()) out.push_back(toUtf8(current));
}

}  // namespace mtrec::text
