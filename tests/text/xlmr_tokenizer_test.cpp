#include "text/xlmr_tokenizer.h"

#include <gtest/gtest.h>

#include "data/expect_error.h"
#include "test_support.h"
#include "text/batch_encoder.h"
#include "text/handmade_sentencepiece.h"
#include "text/multilingual_corpus.h"
#include "text/sentencepiece_training.h"

namespace mtrec::text {
namespace {

using test::expectError;
using Ids = std::vector<int64_t>;

/// A Hugging Face-style XLM-R folder holding the hand-made hello/world model (13 pieces).
std::filesystem::path helloWorldFolder(const test::TempDir& dir, int64_t configVocab = 15) {
    dir.write("xlmr/sentencepiece.bpe.model", test::helloWorldSentencePieceModel());
    dir.write("xlmr/config.json", R"({"model_type": "xlm-roberta", "vocab_size": )" +
                                      std::to_string(configVocab) + "}");
    return dir.path() / "xlmr";
}

TEST(XlmRobertaTokenizer, MapsSentencePieceIdsLikeFairseq) {
    EXPECT_EQ(XlmRobertaTokenizer::fromPieceId(0), 3);  // <unk>
    EXPECT_EQ(XlmRobertaTokenizer::fromPieceId(1), 0);  // <s>
    EXPECT_EQ(XlmRobertaTokenizer::fromPieceId(2), 2);  // </s>
    EXPECT_EQ(XlmRobertaTokenizer::fromPieceId(3), 4);  // first real piece: "," in XLM-R
    EXPECT_EQ(XlmRobertaTokenizer::fromPieceId(249999), 250000);
    EXPECT_THROW(XlmRobertaTokenizer::fromPieceId(-1), std::out_of_range);
}

TEST(XlmRobertaTokenizer, EncodesAHandMadeModelWithTheOffset) {
    test::TempDir dir;
    Result<XlmRobertaTokenizer> loaded = XlmRobertaTokenizer::loadFolder(helloWorldFolder(dir));
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    const XlmRobertaTokenizer& tokenizer = loaded.value();
    // SentencePiece: ▁hello=3 ▁world=4 → XLM-R 4 5.
    EXPECT_EQ(tokenizer.encode("hello world"), (Ids{4, 5}));
    // ▁=5 l=8 o=9 w=10 → 6 9 10 11.
    EXPECT_EQ(tokenizer.encode("low"), (Ids{6, 9, 10, 11}));
    // ▁hello ▁ <unk> → 4 6 3.
    EXPECT_EQ(tokenizer.encode("hello ☃"), (Ids{4, 6, 3}));

    EXPECT_EQ(tokenizer.vocabSize(), 15);
    EXPECT_EQ(tokenizer.maskId(), 14);
    EXPECT_EQ(tokenizer.token(0), "<s>");
    EXPECT_EQ(tokenizer.token(1), "<pad>");
    EXPECT_EQ(tokenizer.token(2), "</s>");
    EXPECT_EQ(tokenizer.token(3), "<unk>");
    EXPECT_EQ(tokenizer.token(4), "\u2581hello");
    EXPECT_EQ(tokenizer.token(14), "<mask>");
    EXPECT_EQ(tokenizer.toPieceId(4), 3);
    EXPECT_EQ(tokenizer.toPieceId(3), 0);
    EXPECT_EQ(tokenizer.toPieceId(0), 1);
    EXPECT_EQ(tokenizer.toPieceId(1), std::nullopt);
    EXPECT_EQ(tokenizer.toPieceId(14), std::nullopt);
    EXPECT_THROW(tokenizer.token(15), std::out_of_range);
}

TEST(XlmRobertaTokenizer, BatchRowsUseXlmrSpecialIds) {
    test::TempDir dir;
    const XlmRobertaTokenizer tokenizer =
        XlmRobertaTokenizer::loadFolder(helloWorldFolder(dir)).value();
    BatchEncodingOptions options;
    options.usePrefixes = false;
    const EncodedBatch batch =
        BatchEncoder(tokenizer, options).encode({"hello world", "low"}, TextRole::Query);
    EXPECT_EQ(batch.rows, 2u);
    EXPECT_EQ(batch.cols, 6u);
    EXPECT_EQ(batch.ids, (Ids{0, 4, 5, 2, 1, 1, /**/ 0, 6, 9, 10, 11, 2}));
    EXPECT_EQ(batch.mask, (Ids{1, 1, 1, 1, 0, 0, /**/ 1, 1, 1, 1, 1, 1}));
    EXPECT_EQ(tokenizer.decode(batch.row(0)), "hello world");
    EXPECT_EQ(tokenizer.decode({0, 4, 5, 2, 1, 14, 1}), "hello world") << "specials are skipped";
}

TEST(XlmRobertaTokenizer, TrainedModelIsTheSentencePieceIdsShiftedByOne) {
    test::TempDir dir;
    const std::vector<std::string> corpus = test::multilingualCorpus(60);
    SentencePieceTrainOptions options;
    options.vocabSize = 450;
    options.characterCoverage = 1.0;
    options.byteFallback = false;  // a vocabulary too small for the 256 byte pieces
    Result<SentencePieceTokenizer> pieces =
        trainSentencePiece(corpus, options, dir.path() / "xlmr" / "sentencepiece.bpe.model");
    ASSERT_TRUE(pieces.ok()) << pieces.error().message;
    dir.write("xlmr/config.json", R"({"vocab_size": 452})");
    Result<XlmRobertaTokenizer> loaded = XlmRobertaTokenizer::loadFolder(dir.path() / "xlmr");
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    const XlmRobertaTokenizer& tokenizer = loaded.value();

    EXPECT_EQ(tokenizer.vocabSize(), 452);
    EXPECT_EQ(tokenizer.maskId(), 451);
    // The trained model's <pad> (piece 3) is an ordinary shifted id for XLM-R; it never occurs in
    // encoded text, and XLM-R pads with its own id 1.
    EXPECT_EQ(tokenizer.token(4), "<pad>");
    for (const std::string& sentence : test::oneSentencePerLanguage()) {
        const Ids pieceIds = pieces.value().encode(sentence);
        Ids expected;
        for (int64_t id : pieceIds) expected.push_back(id + 1);  // no <unk>, <s>, </s> in text
        EXPECT_EQ(tokenizer.encode(sentence), expected) << sentence;
        EXPECT_EQ(tokenizer.decode(tokenizer.encode(sentence)), sentence);
    }
    // A character the model never saw: SentencePiece's <unk> (0) becomes XLM-R's 3.
    const Ids snowman = tokenizer.encode("☃");
    EXPECT_EQ(snowman.back(), 3);
}

TEST(XlmRobertaTokenizer, FolderErrorsNameTheFile) {
    test::TempDir dir;
    expectError(XlmRobertaTokenizer::loadFolder(dir.path() / "none"), {"none", "does not exist"});

    dir.write("a/sentencepiece.bpe.model", test::helloWorldSentencePieceModel());
    expectError(XlmRobertaTokenizer::loadFolder(dir.path() / "a"),
                {(dir.path() / "a" / "config.json").string(), "does not exist"});

    const auto config = dir.write("a/config.json", R"({"vocab_size": 14})");
    expectError(XlmRobertaTokenizer::loadFolder(dir.path() / "a"),
                {config.string(), "\"vocab_size\" 14 is smaller than the 15 ids"});
    dir.write("a/config.json", R"({"hidden_size": 8})");
    expectError(XlmRobertaTokenizer::loadFolder(dir.path() / "a"),
                {config.string() + ": $.vocab_size: missing (required)"});
    dir.write("a/config.json", "[1, 2");
    expectError(XlmRobertaTokenizer::loadFolder(dir.path() / "a"),
                {config.string(), "invalid JSON"});

    dir.write("b/config.json", R"({"vocab_size": 10})");
    expectError(XlmRobertaTokenizer::loadFolder(dir.path() / "b"),
                {(dir.path() / "b" / "sentencepiece.bpe.model").string(), "does not exist"});
}

TEST(XlmRobertaTokenizer, RefusesAModelWithAnotherSpecialLayout) {
    const std::string model = test::handmadeSentencePieceModel(
        {{"<s>", 0, 3}, {"</s>", 0, 3}, {"<unk>", 0, 2}, {"a", -1}});
    Result<SentencePieceTokenizer> pieces = SentencePieceTokenizer::fromSerialized(model, "odd");
    ASSERT_TRUE(pieces.ok()) << pieces.error().message;
    expectError(XlmRobertaTokenizer::fromSentencePiece(std::move(pieces).value()),
                {"odd", "needs <unk>=0, <s>=1, </s>=2"});
}

}  // namespace
}  // namespace mtrec::text
