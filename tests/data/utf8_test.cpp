#include "common/utf8.h"

#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace mtrec::data {
namespace {

TEST(Utf8, FindsTheFirstIllFormedByte) {
    EXPECT_EQ(findInvalidUtf8("plain ascii"), std::nullopt);
    EXPECT_EQ(findInvalidUtf8("\xC3\x9C"
                              "n\xC3\xAF"
                              "code \xE4\xB8\xAD \xF0\x9F\x98\x80"),
              std::nullopt);
    EXPECT_EQ(findInvalidUtf8("ab\xC3(x"), 2u);          // lead byte without continuation
    EXPECT_EQ(findInvalidUtf8("a\xC0\xAF"), 1u);         // overlong '/'
    EXPECT_EQ(findInvalidUtf8("ab\xED\xA0\x80"), 2u);    // UTF-16 surrogate U+D800
    EXPECT_EQ(findInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
    EXPECT_EQ(findInvalidUtf8("ok\xE4\xB8"), 2u);        // truncated at the end
    EXPECT_EQ(findInvalidUtf8("\x80"), 0u);              // stray continuation byte
}

TEST(Utf8, PositionCountsLinesAndCharacters) {
    const std::string text =
        "ab\n\xC3\x9C\xE4\xB8\xAD"
        "x\n";  // line 2 is "Ü中x"
    EXPECT_EQ(positionOf(text, 0).line, 1u);
    EXPECT_EQ(positionOf(text, 0).column, 1u);
    EXPECT_EQ(positionOf(text, 2).column, 3u);   // the '\n' itself
    const TextPosition x = positionOf(text, 8);  // 'x' after 2 + 3 bytes of Ü and 中
    EXPECT_EQ(x.line, 2u);
    EXPECT_EQ(x.column, 3u);
    EXPECT_EQ(positionOf(text, text.size()).line, 3u);
}

TEST(Utf8, ConvertsCodePointOffsets) {
    // "Ü中😀b": code points 0..3 are 2, 3, 4 and 1 bytes long; 😀 is a surrogate pair in UTF-16.
    const CodePointOffsets offsets(
        "\xC3\x9C\xE4\xB8\xAD\xF0\x9F\x98\x80"
        "b");
    ASSERT_EQ(offsets.size(), 4u);
    const std::size_t bytes[] = {0, 2, 5, 9, 10};
    const std::size_t units[] = {0, 1, 2, 4, 5};
    for (std::size_t i = 0; i <= 4; ++i) {
        EXPECT_EQ(offsets.byteOffset(i), bytes[i]) << i;
        EXPECT_EQ(offsets.utf16Offset(i), units[i]) << i;
    }
    EXPECT_EQ(offsets.codePointAtUtf16(3), 2u);  // the low surrogate belongs to 😀
    EXPECT_EQ(offsets.codePointAtUtf16(4), 3u);
    EXPECT_EQ(offsets.codePointAtUtf16(5), 4u);
    EXPECT_THROW(offsets.byteOffset(5), std::out_of_range);
    EXPECT_THROW(CodePointOffsets("a\xFF"), std::invalid_argument);
    EXPECT_EQ(CodePointOffsets("").size(), 0u);
}

}  // namespace
}  // namespace mtrec::data
