#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace mtrec::text {

/// Options of BERT's basic tokenization, named like Hugging Face's tokenizer_config.json keys.
struct BertBasicOptions {
    /// `do_lower_case`: lowercase every word (Unicode full case mapping).
    bool lowerCase = true;
    /// `strip_accents`: remove combining marks after NFD. Unset follows lowerCase, as in BERT.
    std::optional<bool> stripAccents;
    /// `tokenize_chinese_chars`: make every CJK ideograph a word of its own.
    bool splitCjk = true;
};

/// BERT's pre-tokenization, before WordPiece: drops NUL, U+FFFD and control characters, turns
/// whitespace into spaces, surrounds CJK ideographs with spaces, applies NFC, splits at whitespace,
/// lowercases and strips accents as configured, and splits every punctuation character (Unicode P*
/// and the ASCII symbols BERT counts as punctuation) into a word of its own. Words in `keepWhole`
/// (the special tokens) pass through untouched. Uses ICU for categories, case and normalization.
/// Immutable, so split() is thread-safe.
class BertBasicTokenizer {
public:
    explicit BertBasicTokenizer(BertBasicOptions options = {},
                                std::set<std::string> keepWhole = {});

    /// The words of `text` (UTF-8; invalid bytes count as U+FFFD and are dropped).
    std::vector<std::string> split(std::string_view text) const;

    const BertBasicOptions& options() const { return options_; }

private:
    void splitWord(const std::string& word, std::vector<std::string>& out) const;

    BertBasicOptions options_;
    std::set<std::string> keepWhole_;
};

}  // namespace mtrec::text
