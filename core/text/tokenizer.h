#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mtrec::text {

/// The ids a tokenizer wraps a sequence in. `begin` is <s> (SentencePiece, XLM-R) or [CLS] (BERT),
/// `end` is </s> or [SEP]; either may be absent (a SentencePiece model trained without them). `pad`
/// always exists and lies in [0, vocabSize()): padded positions are masked out, but the id still
/// indexes the embedding table.
struct SpecialTokens {
    std::optional<int64_t> begin;
    std::optional<int64_t> end;
    int64_t pad = 0;
    int64_t unknown = 0;
};

/// A text → id mapping (SentencePiece, XLM-R, WordPiece). Implementations are immutable after
/// construction, so every method may be called from several threads at once.
class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    /// The ids of `text` (UTF-8) without any special token. Never fails: text the vocabulary cannot
    /// express becomes `unknown`; invalid UTF-8 bytes are treated as U+FFFD.
    virtual std::vector<int64_t> encode(std::string_view text) const = 0;

    /// The text of `ids`, skipping the special tokens (begin, end, pad, and mask where there is
    /// one). Ids outside [0, vocabSize()) are a programming error and throw std::out_of_range.
    virtual std::string decode(const std::vector<int64_t>& ids) const = 0;

    /// The token string of one id ("▁Hello", "##able", "[CLS]"); throws std::out_of_range outside
    /// [0, vocabSize()).
    virtual std::string token(int64_t id) const = 0;

    /// Number of distinct ids; every id this tokenizer produces is below it.
    virtual int64_t vocabSize() const = 0;

    virtual const SpecialTokens& specialTokens() const = 0;

    /// encode() and token() together: the token strings of `text`, for display and tests.
    std::vector<std::string> tokenize(std::string_view text) const;
};

}  // namespace mtrec::text
