#include "common/utf8.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace mtrec {
namespace {

/// Length of the well-formed UTF-8 sequence starting at text[i], or 0 when it is ill-formed.
std::size_t sequenceLength(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte (RFC 3629 table)
    if (lead >= 0xC2 && lead <= 0xDF)
        length = 2;
    else if (lead == 0xE0)
        length = 3, low = 0xA0;
    else if (lead >= 0xE1 && lead <= 0xEC)
        length = 3;
    else if (lead == 0xED)
        length = 3, high = 0x9F;
    else if (lead >= 0xEE && lead <= 0xEF)
        length = 3;
    else if (lead == 0xF0)
        length = 4, low = 0x90;
    else if (lead >= 0xF1 && lead <= 0xF3)
        length = 4;
    else if (lead == 0xF4)
        length = 4, high = 0x8F;
    else
        return 0;
    if (i + length > text.size()) return 0;
    if (byte(i + 1) < low || byte(i + 1) > high) return 0;
    for (std::size_t k = 2; k < length; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return length;
}

}  // namespace

std::optional<std::size_t> findInvalidUtf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = sequenceLength(text, i);
        if (length == 0) return i;
        i += length;
    }
    return std::nullopt;
}

TextPosition positionOf(std::string_view text, std::size_t byteOffset) {
    TextPosition position;
    const std::size_t end = std::min(byteOffset, text.size());
    for (std::size_t i = 0; i < end;) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
            ++i;
            continue;
        }
        ++position.column;
        i += std::max<std::size_t>(1, sequenceLength(text, i));
    }
    return position;
}

CodePointOffsets::CodePointOffsets(std::string_view utf8) {
    bytes_.reserve(utf8.size() + 1);
    units_.reserve(utf8.size() + 1);
    std::size_t units = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t length = sequenceLength(utf8, i);
        if (length == 0)
            throw std::invalid_argument("CodePointOffsets: invalid UTF-8 at byte " +
                                        std::to_string(i));
        bytes_.push_back(i);
        units_.push_back(units);
        units += length == 4 ? 2 : 1;
        i += length;
    }
    bytes_.push_back(utf8.size());
    units_.push_back(units);
}

std::size_t CodePointOffsets::byteOffset(std::size_t codePoint) const {
    if (codePoint > size()) throw std::out_of_range("CodePointOffsets::byteOffset beyond the text");
    return bytes_[codePoint];
}

std::size_t CodePointOffsets::utf16Offset(std::size_t codePoint) const {
    if (codePoint > size())
        throw std::out_of_range("CodePointOffsets::utf16Offset beyond the text");
    return units_[codePoint];
}

std::size_t CodePointOffsets::codePointAtUtf16(std::size_t unit) const {
    if (unit > units_.back())
        throw std::out_of_range("CodePointOffsets::codePointAtUtf16 beyond the text");
    const auto it = std::upper_bound(units_.begin(), units_.end(), unit);
    return static_cast<std::size_t>(it - units_.begin()) - 1;
}

}  // namespace mtrec
