#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace mtrec {

/// Byte offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no
/// overlong forms, no surrogates, nothing above U+10FFFF), or nullopt when all of `text` is valid.
std::optional<std::size_t> findInvalidUtf8(std::string_view text);

/// 1-based line and column of a byte offset. Lines end at '\n'; the column counts code points, as
/// an editor shows it (an invalid byte counts as one).
struct TextPosition {
    std::size_t line = 1;
    std::size_t column = 1;
};
TextPosition positionOf(std::string_view text, std::size_t byteOffset);

/// Converts code-point offsets (Python str indices, as SQuAD `answer_start` and LAReQA
/// `sentence_breaks` are written) into UTF-8 byte offsets and UTF-16 code-unit offsets (ICU's
/// indices). Built once per text in O(n); lookups are O(1) (code point -> *) or O(log n) (UTF-16 ->
/// code point). The text must be valid UTF-8 (check with findInvalidUtf8 first); an invalid text or
/// an offset beyond size() is a programming error and throws. Keeps no reference to the text.
class CodePointOffsets {
public:
    explicit CodePointOffsets(std::string_view utf8);

    /// Number of code points; offsets 0..size() inclusive are valid.
    std::size_t size() const { return bytes_.size() - 1; }
    std::size_t byteOffset(std::size_t codePoint) const;
    std::size_t utf16Offset(std::size_t codePoint) const;
    /// The code point that starts at or contains UTF-16 offset `unit` (0..utf16 length).
    std::size_t codePointAtUtf16(std::size_t unit) const;

private:
    std::vector<std::size_t>
        bytes_;  // bytes_[i]: byte offset of code point i; back() = byte length
    std::vector<std::size_t> units_;  // units_[i]: UTF-16 offset of code point i; back() = length
};

}  // namespace mtrec
