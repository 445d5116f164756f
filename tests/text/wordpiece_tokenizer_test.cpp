#include "text/wordpiece_tokenizer.h"

#include <gtest/gtest.h>

#include "data/expect_error.h"
#include "test_support.h"

namespace mtrec::text {
namespace {

using test::expectError;
using Ids = std::vector<int64_t>;

std::string lines(const std::vector<std::string>& tokens) {
    std::string text;
    for (const std::string& token : tokens) text += token + "\n";
    return text;
}

/// ids:                                 0        1        2        3        4       5       6
const std::vector<std::string> kVocab{"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "want",
                                      "##want",
                                      // 7     8      9       10       11      12     13
                                      "##ed", "wa", "un", "runn", "##ing", ",", "hello",
                                      // 14   15     16        17     18   19    20     21
                                      "世", "界", "!", "##aff", "##able", "a", "##a", "ab",
                                      // 22   23      24
                                      "##c", "##bc", "Hello"};

WordPieceTokenizer tiny(BertBasicOptions options = {}) {
    return WordPieceTokenizer::fromTokens(kVocab, options, "tiny").value();
}

TEST(WordPieceTokenizer, GreedyLongestMatchFirst) {
    const WordPieceTokenizer tokenizer = tiny();
    EXPECT_EQ(tokenizer.encode("unwanted running"), (Ids{9, 6, 7, 10, 11}));
    EXPECT_EQ(tokenizer.tokenize("unwanted running"),
              (std::vector<std::string>{"un", "##want", "##ed", "runn", "##ing"}));
    EXPECT_EQ(tokenizer.tokenize("unaffable"), (std::vector<std::string>{"un", "##aff", "##able"}));
    // "abc": "ab" is the longest prefix in the vocabulary, then "##c" (not "a" + "##bc").
    EXPECT_EQ(tokenizer.encode("abc"), (Ids{21, 22}));
}

TEST(WordPieceTokenizer, WordThatCannotBeSpelledIsOneUnknown) {
    const WordPieceTokenizer tokenizer = tiny();
    // "unwantedx": un ##want ##ed match, then "x" does not, so the whole word is [UNK].
    EXPECT_EQ(tokenizer.encode("unwantedX running"), (Ids{1, 10, 11}));
    EXPECT_EQ(tokenizer.encode("zzz"), (Ids{1}));
}

TEST(WordPieceTokenizer, WordsOverAHundredCharactersAreUnknown) {
    const WordPieceTokenizer tokenizer = tiny();
    Ids hundred{19};
    hundred.insert(hundred.end(), 99, 20);
    EXPECT_EQ(tokenizer.encode(std::string(100, 'a')), hundred);
    EXPECT_EQ(tokenizer.encode(std::string(101, 'a')), (Ids{1}));
}

TEST(WordPieceTokenizer, MultilingualTextThroughBasicTokenization) {
    EXPECT_EQ(tiny().encode("Héllo, 世界!"), (Ids{13, 12, 14, 15, 16}));
    // Cased: "Héllo" keeps its accent and is not in the vocabulary; "Hello" is (id 24).
    const WordPieceTokenizer cased = tiny(BertBasicOptions{false, std::nullopt, true});
    EXPECT_EQ(cased.encode("Héllo, 世界!"), (Ids{1, 12, 14, 15, 16}));
    EXPECT_EQ(cased.encode("Hello hello"), (Ids{24, 13}));
}

TEST(WordPieceTokenizer, SpecialTokensComeFromTheVocabulary) {
    const WordPieceTokenizer tokenizer = tiny();
    const SpecialTokens& special = tokenizer.specialTokens();
    EXPECT_EQ(special.pad, 0);
    EXPECT_EQ(special.unknown, 1);
    EXPECT_EQ(special.begin, 2);
    EXPECT_EQ(special.end, 3);
    EXPECT_EQ(tokenizer.vocabSize(), 25);
    // Special tokens written in the text are kept whole, not split at "[" and "]".
    EXPECT_EQ(tokenizer.encode("[CLS] hello [MASK] [SEP]"), (Ids{2, 13, 4, 3}));
}

TEST(WordPieceTokenizer, DecodeGluesContinuationsAndSkipsSpecials) {
    const WordPieceTokenizer tokenizer = tiny();
    EXPECT_EQ(tokenizer.decode({2, 9, 17, 18, 12, 13, 4, 3, 0, 0}), "unaffable , hello");
    EXPECT_EQ(tokenizer.decode({1, 10, 11}), "[UNK] running");
    EXPECT_EQ(tokenizer.decode({6, 7}), "##wanted") << "a leading continuation keeps its ##";
    EXPECT_THROW(tokenizer.decode({25}), std::out_of_range);
    EXPECT_THROW(tokenizer.token(-1), std::out_of_range);
}

TEST(WordPieceTokenizer, LoadsAFolderWithItsTokenizerConfig) {
    test::TempDir dir;
    dir.write("bert/vocab.txt", lines(kVocab));
    Result<WordPieceTokenizer> uncased = WordPieceTokenizer::loadFolder(dir.path() / "bert");
    ASSERT_TRUE(uncased.ok()) << uncased.error().message;
    EXPECT_EQ(uncased.value().encode("Hello"), (Ids{13})) << "BERT's default lowercases";

    dir.write("bert/tokenizer_config.json", R"({"do_lower_case": false, "strip_accents": null})");
    Result<WordPieceTokenizer> cased = WordPieceTokenizer::loadFolder(dir.path() / "bert");
    ASSERT_TRUE(cased.ok()) << cased.error().message;
    EXPECT_EQ(cased.value().encode("Hello"), (Ids{24}));
    EXPECT_FALSE(cased.value().basic().options().lowerCase);
}

TEST(WordPieceTokenizer, ReadsCrlfVocabularyAndKeepsTheLastOfTwinTokens) {
    test::TempDir dir;
    const auto path = dir.write("vocab.txt", "[PAD]\r\n[UNK]\r\n[CLS]\r\n[SEP]\r\nhi\r\nhi\r\n");
    Result<WordPieceTokenizer> tokenizer = WordPieceTokenizer::loadVocab(path, {});
    ASSERT_TRUE(tokenizer.ok()) << tokenizer.error().message;
    EXPECT_EQ(tokenizer.value().vocabSize(), 6);
    EXPECT_EQ(tokenizer.value().encode("hi"), (Ids{5}));
}

TEST(WordPieceTokenizer, BadFilesAreErrorsNamingThePlace) {
    test::TempDir dir;
    expectError(WordPieceTokenizer::loadFolder(dir.path() / "absent"),
                {"absent", "does not exist"});
    expectError(WordPieceTokenizer::loadFolder(dir.path()), {"vocab.txt", "not found"});

    const auto noPad = dir.write("a/vocab.txt", "[UNK]\n[CLS]\nx\n");
    expectError(WordPieceTokenizer::loadVocab(noPad, {}), {noPad.string(), "lacks [SEP], [PAD]"});

    const auto badUtf8 = dir.write("b/vocab.txt", "[PAD]\n[UNK]\nok\xC3(\n");
    expectError(WordPieceTokenizer::loadVocab(badUtf8, {}),
                {badUtf8.string() + ":3", "invalid UTF-8 at byte 3"});

    dir.write("c/vocab.txt", lines(kVocab));
    const auto badJson = dir.write("c/tokenizer_config.json", "{\"do_lower_case\": tru");
    expectError(WordPieceTokenizer::loadFolder(dir.path() / "c"),
                {badJson.string(), "invalid JSON"});
    dir.write("c/tokenizer_config.json", R"({"do_lower_case": "yes"})");
    expectError(
        WordPieceTokenizer::loadFolder(dir.path() / "c"),
        {badJson.string() + ": $.do_lower_case: expected true, false or null, found a string"});
}

}  // namespace
}  // namespace mtrec::text
