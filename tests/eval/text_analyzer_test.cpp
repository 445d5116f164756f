#include <gtest/gtest.h>

#include "eval/text_analyzer.h"

namespace mtrec::eval {
namespace {

std::vector<std::string> analyze(const std::string& language, const std::string& text) {
    Result<TextAnalyzer> analyzer = TextAnalyzer::create(language);
    if (!analyzer) throw std::runtime_error(analyzer.error().message);
    return analyzer.value().analyze(text);
}

using Tokens = std::vector<std::string>;

TEST(TextAnalyzer, KeepsWordsAndNumbersDropsPunctuation) {
    EXPECT_EQ(analyze("en", "Hello, World! It's 42 -- (really)."),
              (Tokens{"hello", "world", "it's", "42", "really"}));
    EXPECT_EQ(analyze("en", " ,.;  "), Tokens{});
}

TEST(TextAnalyzer, FullCaseFolding) {
    EXPECT_EQ(analyze("de", "Die STRASSE und die Straße"),
              (Tokens{"die", "strasse", "und", "die", "strasse"}));
    // Final and medial sigma fold to the same letter.
    EXPECT_EQ(analyze("el", "ΟΔΟΣ οδός"), (Tokens{"οδοσ", "οδόσ"}));
}

TEST(TextAnalyzer, SegmentsThaiAndChineseWithDictionaries) {
    EXPECT_EQ(analyze("th", "สวัสดีครับ"), (Tokens{"สวัสดี", "ครับ"}));
    const Tokens chinese = analyze("zh", "我喜欢北京。");
    ASSERT_GE(chinese.size(), 2u);
    std::string joined;
    for (const std::string& token : chinese) joined += token;
    EXPECT_EQ(joined, "我喜欢北京");  // the full stop dropped, every ideograph kept
}

TEST(TextAnalyzer, ArabicAndHindiWords) {
    EXPECT_EQ(analyze("ar", "مرحبا بالعالم"), (Tokens{"مرحبا", "بالعالم"}));
    EXPECT_EQ(analyze("hi", "नमस्ते दुनिया।"), (Tokens{"नमस्ते", "दुनिया"}));
}

}  // namespace
}  // namespace mtrec::eval
