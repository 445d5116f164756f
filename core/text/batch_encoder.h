#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace mtrec::text {

/// What a text is to the dual encoder; it picks the prefix (E5 style, DESIGN.md §2).
enum class TextRole { Query, Passage, Plain };

enum class Padding {
    Longest,    ///< every row as long as the longest row of the batch
    MaxLength,  ///< every row exactly maxLength long
};

struct BatchEncodingOptions {
    /// Tokens per row at most, special tokens included. Longer texts lose their tail; the end token
    /// is kept. Must leave room for one text token after the special ones.
    std::size_t maxLength = 128;
    Padding padding = Padding::Longest;
    /// Wrap each row in the tokenizer's begin/end tokens (<s> … </s>, [CLS] … [SEP]).
    bool addSpecialTokens = true;
    /// Put `queryPrefix` / `passagePrefix` before query / passage texts; Plain texts never get one.
    bool usePrefixes = true;
    std::string queryPrefix = "Query: ";
    std::string passagePrefix = "Passage: ";
};

/// A padded batch of token ids: `ids` and `mask` are row-major rows × cols. mask is 1 on a real
/// token (special tokens included) and 0 on padding; padding sits at the end of a row and holds the
/// tokenizer's pad id. The plain-vector form keeps torch out of this header; tensor_batch.h
/// converts.
struct EncodedBatch {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<int64_t> ids;
    std::vector<int64_t> mask;

    int64_t id(std::size_t row, std::size_t col) const { return ids.at(row * cols + col); }
    int64_t maskAt(std::size_t row, std::size_t col) const { return mask.at(row * cols + col); }
    /// Number of real (unmasked) tokens of a row.
    std::size_t length(std::size_t row) const;
    /// The real tokens of a row, without padding.
    std::vector<int64_t> row(std::size_t row) const;
};

/// Turns texts into padded id batches with one tokenizer and one set of options. Borrows the
/// tokenizer, which must outlive the encoder. Immutable, so encode() is thread-safe.
class BatchEncoder {
public:
    /// Throws std::invalid_argument when maxLength leaves no room for a text token.
    BatchEncoder(const Tokenizer& tokenizer, BatchEncodingOptions options);

    /// One row per text, in order. An empty list gives rows = 0.
    EncodedBatch encode(const std::vector<std::string>& texts, TextRole role) const;

    /// The ids of one text as a row of encode() holds them, without padding.
    std::vector<int64_t> encodeOne(std::string_view text, TextRole role) const;

    const BatchEncodingOptions& options() const { return options_; }
    const Tokenizer& tokenizer() const { return tokenizer_; }

private:
    std::size_t specialCount() const;

    const Tokenizer& tokenizer_;
    BatchEncodingOptions options_;
};

}  // namespace mtrec::text
