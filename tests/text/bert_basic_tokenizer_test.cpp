#include "text/bert_basic_tokenizer.h"

#include <gtest/gtest.h>

namespace mtrec::text {
namespace {

using Words = std::vector<std::string>;

BertBasicTokenizer cased() {
    return BertBasicTokenizer(BertBasicOptions{false, std::nullopt, true});
}

TEST(BertBasicTokenizer, LowercasesStripsAccentsAndSplitsPunctuation) {
    const BertBasicTokenizer uncased;
    EXPECT_EQ(uncased.split(" \tHeLLo!how  \n Are yoU?  "),
              (Words{"hello", "!", "how", "are", "you", "?"}));
    EXPECT_EQ(uncased.split(" \tHäLLo!how  \n Are yoU?  "),
              (Words{"hallo", "!", "how", "are", "you", "?"}));
    EXPECT_EQ(uncased.split("Héllo, 世界!"), (Words{"hello", ",", "世", "界", "!"}));
}

TEST(BertBasicTokenizer, AccentStrippingFollowsLowercasingUnlessSet) {
    const BertBasicTokenizer keepAccents(BertBasicOptions{true, false, true});
    EXPECT_EQ(keepAccents.split("HäLLo!"), (Words{"hällo", "!"}));
    EXPECT_EQ(cased().split(" \tHäLLo!how  \n Are yoU?  "),
              (Words{"HäLLo", "!", "how", "Are", "yoU", "?"}));
    const BertBasicTokenizer casedStripped(BertBasicOptions{false, true, true});
    EXPECT_EQ(casedStripped.split("HäLLo!"), (Words{"HaLLo", "!"}));
}

TEST(BertBasicTokenizer, SplitsCjkIdeographsButNotOtherScripts) {
    const BertBasicTokenizer uncased;
    EXPECT_EQ(uncased.split("ah\u535A\u63A8zz"), (Words{"ah", "\u535A", "\u63A8", "zz"}));
    // Hiragana and Hangul are not CJK ideographs: they stay one word.
    EXPECT_EQ(cased().split("ひらがな한국"), (Words{"ひらがな한국"}));
    const BertBasicTokenizer noCjk(BertBasicOptions{true, std::nullopt, false});
    EXPECT_EQ(noCjk.split("ah\u535A\u63A8zz"), (Words{"ah\u535A\u63A8zz"}));
}

TEST(BertBasicTokenizer, CleansControlCharactersAndUnicodeWhitespace) {
    const BertBasicTokenizer uncased;
    // NUL, BEL (Cc), U+FFFD and a zero-width space (Cf) vanish without splitting the word.
    EXPECT_EQ(uncased.split(std::string("a\0b\ac\uFFFDd\u200Be", 13)), (Words{"abcde"}));
    // No-break space (Zs), ideographic space (Zs) and the line separator split words.
    EXPECT_EQ(uncased.split("a\u00A0b\u3000c\u2028d"), (Words{"a", "b", "c", "d"}));
    // Invalid UTF-8 becomes U+FFFD, which is dropped.
    EXPECT_EQ(uncased.split("ok\xff\xfeyes"), (Words{"okyes"}));
    EXPECT_EQ(uncased.split(""), (Words{}));
    EXPECT_EQ(uncased.split(" \t\n "), (Words{}));
}

TEST(BertBasicTokenizer, AsciiSymbolsAndUnicodePunctuationAreWordsOfTheirOwn) {
    EXPECT_EQ(cased().split("$5^2`x"), (Words{"$", "5", "^", "2", "`", "x"}));
    EXPECT_EQ(cased().split("«hi»—ok…"), (Words{"«", "hi", "»", "—", "ok", "…"}));
    EXPECT_EQ(cased().split("don't"), (Words{"don", "'", "t"}));
}

TEST(BertBasicTokenizer, NormalizesToNfcBeforeSplitting) {
    // "e" + combining acute becomes the single code point U+00E9.
    EXPECT_EQ(cased().split("cafe\u0301"), (Words{"caf\u00E9"}));
}

TEST(BertBasicTokenizer, UnicodeCaseMappingAndMarkStripping) {
    const BertBasicTokenizer uncased;
    // İ lowercases to i + U+0307, whose combining dot accent stripping removes.
    EXPECT_EQ(uncased.split("İstanbul"), (Words{"istanbul"}));
    // Final sigma: the last Σ becomes ς. Greek tonos is stripped.
    EXPECT_EQ(uncased.split("ΟΔΟΣ Πόλη"), (Words{"οδος", "πολη"}));
    // Thai vowel signs U+0E31 and U+0E35 are Mn, so uncased BERT drops them too.
    EXPECT_EQ(uncased.split("สวัสดี"), (Words{"สวสด"}));
}

TEST(BertBasicTokenizer, KeepsSpecialTokensWhole) {
    const BertBasicTokenizer special(BertBasicOptions{}, {"[CLS]", "[SEP]"});
    EXPECT_EQ(special.split("[CLS] Hello [SEP]"), (Words{"[CLS]", "hello", "[SEP]"}));
    const BertBasicTokenizer plain;
    EXPECT_EQ(plain.split("[CLS] Hi"), (Words{"[", "cls", "]", "hi"}));
}

}  // namespace
}  // namespace mtrec::text
