#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace mtrec::eval {

/// The lexical analyzer of the BM25 baseline: ICU's word BreakIterator for the language's locale
/// (which segments Thai, Chinese and Japanese with ICU's dictionaries), keeping the words ICU tags
/// as numbers, letters, kana or ideographs (punctuation and spaces are dropped), each case-folded
/// with ICU's full case folding. No stemming, no stop words. Holds an ICU iterator: one analyzer
/// per thread.
class TextAnalyzer {
public:
    /// Fails when ICU has no word break rules for the locale (not expected for ISO 639-1 codes,
    /// which fall back to the root rules).
    static Result<TextAnalyzer> create(const std::string& languageCode);

    TextAnalyzer(TextAnalyzer&&) noexcept;
    TextAnalyzer& operator=(TextAnalyzer&&) noexcept;
    ~TextAnalyzer();

    /// The UTF-8 tokens of `text` in order. Invalid UTF-8 bytes become U+FFFD and are dropped.
    std::vector<std::string> analyze(std::string_view text);

private:
    struct Impl;
    explicit TextAnalyzer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace mtrec::eval
