#include "text/sentencepiece_tokenizer.h"

#include <gtest/gtest.h>

#include "data/expect_error.h"
#include "test_support.h"
#include "text/handmade_sentencepiece.h"

namespace mtrec::text {
namespace {

using test::expectError;

SentencePieceTokenizer helloWorld() {
    return SentencePieceTokenizer::fromSerialized(test::helloWorldSentencePieceModel(),
                                                  "hello.model")
        .value();
}

TEST(SentencePieceTokenizer, SegmentsAHandMadeModelByItsScores) {
    const SentencePieceTokenizer tokenizer = helloWorld();
    // "▁hello▁world": the two whole-word pieces (score -2) beat any split into letters.
    EXPECT_EQ(tokenizer.encode("hello world"), (std::vector<int64_t>{3, 4}));
    // "▁low": no "▁low" piece, so "▁" then the letters l, o, w.
    EXPECT_EQ(tokenizer.encode("low"), (std::vector<int64_t>{5, 8, 9, 10}));
    // Extra whitespace is removed before segmentation.
    EXPECT_EQ(tokenizer.encode("  hello   world "), (std::vector<int64_t>{3, 4}));
    // "☃" is in no piece: one <unk>.
    EXPECT_EQ(tokenizer.encode("hello ☃"), (std::vector<int64_t>{3, 5, 0}));
    EXPECT_EQ(tokenizer.tokenize("hello world"),
              (std::vector<std::string>{"\u2581hello", "\u2581world"}));
}

TEST(SentencePieceTokenizer, HandMadeModelSpecialTokensAndDecode) {
    const SentencePieceTokenizer tokenizer = helloWorld();
    EXPECT_EQ(tokenizer.vocabSize(), 13);
    const SpecialTokens& special = tokenizer.specialTokens();
    EXPECT_EQ(special.begin, 1);
    EXPECT_EQ(special.end, 2);
    EXPECT_EQ(special.unknown, 0);
    EXPECT_EQ(special.pad, 0) << "a model without <pad> pads with <unk>";
    EXPECT_EQ(tokenizer.decode({1, 3, 4, 2}), "hello world");
    EXPECT_EQ(tokenizer.decode({3, 5, 8, 9, 10}), "hello low");
    EXPECT_EQ(tokenizer.token(4), "\u2581world");
    EXPECT_EQ(tokenizer.pieceId("\u2581world"), 4);
    EXPECT_EQ(tokenizer.pieceId("<unk>"), 0);
    EXPECT_EQ(tokenizer.pieceId("\u2581moon"), std::nullopt);
    EXPECT_THROW(tokenizer.token(13), std::out_of_range);
    EXPECT_THROW(tokenizer.decode({3, -1}), std::out_of_range);
}

TEST(SentencePieceTokenizer, LoadsAModelFileAndMovesIt) {
    test::TempDir dir;
    const auto path = dir.write("m.model", test::helloWorldSentencePieceModel());
    Result<SentencePieceTokenizer> loaded = SentencePieceTokenizer::load(path);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    SentencePieceTokenizer moved = std::move(loaded).value();
    EXPECT_EQ(moved.origin(), path.string());
    EXPECT_EQ(moved.encode("world hello"), (std::vector<int64_t>{4, 3}));
}

TEST(SentencePieceTokenizer, MissingFileIsAnErrorNamingIt) {
    test::TempDir dir;
    const auto path = dir.path() / "absent.model";
    expectError(SentencePieceTokenizer::load(path), {path.string(), "does not exist"});
}

TEST(SentencePieceTokenizer, CorruptFileIsAnErrorNamingIt) {
    test::TempDir dir;
    const auto garbage = dir.write("garbage.model", "this is not a protobuf \xff\xfe\x01");
    expectError(SentencePieceTokenizer::load(garbage),
                {garbage.string(), "not a valid SentencePiece model"});
    const auto empty = dir.write("empty.model", "");
    expectError(SentencePieceTokenizer::load(empty), {empty.string(), "empty"});
    // A folder is not a model file.
    expectError(SentencePieceTokenizer::load(dir.path()), {dir.path().string(), "does not exist"});
}

TEST(SentencePieceTokenizer, ModelWithoutPiecesIsAnError) {
    // A well-formed ModelProto that only holds a trainer spec.
    expectError(SentencePieceTokenizer::fromSerialized(test::handmadeSentencePieceModel({}), "x"),
                {"x:"});
}

// Found by fuzz/sentencepiece_fuzzer.cpp: SentencePiece's trie builder throws (instead of returning
// a status) on a piece that starts with a NUL byte, and the exception ended the program.
TEST(SentencePieceTokenizer, APieceStartingWithNulIsAnErrorNotAnEscapedException) {
    const std::string model = test::handmadeSentencePieceModel(
        {{"<unk>", 0, 2}, {"<s>", 0, 3}, {"</s>", 0, 3}, {std::string(1, '\0'), -1}, {"a", -2}});
    expectError(SentencePieceTokenizer::fromSerialized(model, "nul.model"),
                {"nul.model: not a valid SentencePiece model (", "zero-length key"});
}

// Found by fuzz/sentencepiece_fuzzer.cpp: a BPE model with a one-character control piece loads,
// but SentencePiece then fails to encode any text holding that character (instead of calling it
// unknown), breaking encode's promise never to fail. Such a model is refused when it is loaded.
TEST(SentencePieceTokenizer, AModelThatCannotEncodeItsControlPiecesIsRefusedAtLoad) {
    const std::string model = test::handmadeSentencePieceModel(
        {{"<unk>", 0, 2}, {"<s>", 0, 3}, {"</s>", 0, 3}, {"h", 0, 3}, {"e", -3}, {"l", -3}},
        /*modelType=*/2);
    expectError(SentencePieceTokenizer::fromSerialized(model, "ctl.model"),
                {"ctl.model: not a valid SentencePiece model (it cannot encode the text of its "
                 "piece 3 'h': "});
    // The word-boundary mark as the only control piece: no text of two words encodes.
    const std::string mark = test::handmadeSentencePieceModel(
        {{"<unk>", 0, 2}, {"\u2581", 0, 3}, {"e", -3}}, /*modelType=*/2);
    expectError(SentencePieceTokenizer::fromSerialized(mark, "mark.model"),
                {"mark.model: not a valid SentencePiece model (it cannot encode the text of its "
                 "piece 1 '\u2581': "});
    // A unigram model with the same control piece reads 'h' as unknown, and loads: "he" is
    // "▁he" = ▁ (6), h as <unk> (0), e (4).
    const std::string unigram = test::handmadeSentencePieceModel({{"<unk>", 0, 2},
                                                                  {"<s>", 0, 3},
                                                                  {"</s>", 0, 3},
                                                                  {"h", 0, 3},
                                                                  {"e", -3},
                                                                  {"l", -3},
                                                                  {"\u2581", -1}});
    Result<SentencePieceTokenizer> loaded = SentencePieceTokenizer::fromSerialized(unigram, "u");
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(loaded.value().encode("he"), (std::vector<int64_t>{6, 0, 4}));
}

}  // namespace
}  // namespace mtrec::text
