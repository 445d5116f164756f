#include "text/batch_encoder.h"

#include <gtest/gtest.h>

#include "text/handmade_sentencepiece.h"
#include "text/sentencepiece_tokenizer.h"
#include "text/wordpiece_tokenizer.h"

namespace mtrec::text {
namespace {

using Ids = std::vector<int64_t>;

/// [PAD]=0 [UNK]=1 [CLS]=2 [SEP]=3 query=4 passage=5 :=6 the=7 cat=8 sat=9 on=10 mat=11 a=12
WordPieceTokenizer catTokenizer() {
    return WordPieceTokenizer::fromTokens({"[PAD]", "[UNK]", "[CLS]", "[SEP]", "query", "passage",
                                           ":", "the", "cat", "sat", "on", "mat", "a"},
                                          {}, "cats")
        .value();
}

TEST(BatchEncoder, PadsToTheLongestRowWithMasks) {
    const WordPieceTokenizer tokenizer = catTokenizer();
    const BatchEncoder encoder(tokenizer, {});
    const EncodedBatch batch = encoder.encode({"the cat sat", "a cat"}, TextRole::Query);
    EXPECT_EQ(batch.rows, 2u);
    EXPECT_EQ(batch.cols, 7u);
    EXPECT_EQ(batch.ids, (Ids{2, 4, 6, 7, 8, 9, 3, /**/ 2, 4, 6, 12, 8, 3, 0}));
    EXPECT_EQ(batch.mask, (Ids{1, 1, 1, 1, 1, 1, 1, /**/ 1, 1, 1, 1, 1, 1, 0}));
    EXPECT_EQ(batch.length(1), 6u);
    EXPECT_EQ(batch.row(1), (Ids{2, 4, 6, 12, 8, 3}));
    EXPECT_EQ(batch.id(1, 3), 12);
    EXPECT_EQ(batch.maskAt(1, 6), 0);
}

TEST(BatchEncoder, PrefixesFollowTheRoleAndCanBeSwitchedOff) {
    const WordPieceTokenizer tokenizer = catTokenizer();
    const BatchEncoder encoder(tokenizer, {});
    EXPECT_EQ(encoder.encodeOne("a cat", TextRole::Passage), (Ids{2, 5, 6, 12, 8, 3}));
    EXPECT_EQ(encoder.encodeOne("a cat", TextRole::Plain), (Ids{2, 12, 8, 3}));

    BatchEncodingOptions options;
    options.usePrefixes = false;
    EXPECT_EQ(BatchEncoder(tokenizer, options).encodeOne("a cat", TextRole::Query),
              (Ids{2, 12, 8, 3}));
    options.usePrefixes = true;
    options.queryPrefix = "the ";
    EXPECT_EQ(BatchEncoder(tokenizer, options).encodeOne("a cat", TextRole::Query),
              (Ids{2, 7, 12, 8, 3}));
}

TEST(BatchEncoder, TruncatesTheTextAndKeepsTheEndToken) {
    const WordPieceTokenizer tokenizer = catTokenizer();
    BatchEncodingOptions options;
    options.maxLength = 5;
    const BatchEncoder encoder(tokenizer, options);
    // query : the cat sat on the mat → room for 3 after [CLS] and [SEP].
    EXPECT_EQ(encoder.encodeOne("the cat sat on the mat", TextRole::Query), (Ids{2, 4, 6, 7, 3}));
    const EncodedBatch batch = encoder.encode({"the cat sat on the mat", "cat"}, TextRole::Plain);
    EXPECT_EQ(batch.cols, 5u);
    EXPECT_EQ(batch.ids, (Ids{2, 7, 8, 9, 3, /**/ 2, 8, 3, 0, 0}));
}

TEST(BatchEncoder, PadsToMaxLengthWhenAsked) {
    const WordPieceTokenizer tokenizer = catTokenizer();
    BatchEncodingOptions options;
    options.maxLength = 6;
    options.padding = Padding::MaxLength;
    const EncodedBatch batch =
        BatchEncoder(tokenizer, options).encode({"cat", ""}, TextRole::Plain);
    EXPECT_EQ(batch.cols, 6u);
    EXPECT_EQ(batch.ids, (Ids{2, 8, 3, 0, 0, 0, /**/ 2, 3, 0, 0, 0, 0}));
    EXPECT_EQ(batch.mask, (Ids{1, 1, 1, 0, 0, 0, /**/ 1, 1, 0, 0, 0, 0}));
}

TEST(BatchEncoder, WithoutSpecialTokensTheWholeLengthIsText) {
    const WordPieceTokenizer tokenizer = catTokenizer();
    BatchEncodingOptions options;
    options.addSpecialTokens = false;
    options.usePrefixes = false;
    options.maxLength = 2;
    EXPECT_EQ(BatchEncoder(tokenizer, options).encodeOne("the cat sat", TextRole::Query),
              (Ids{7, 8}));
}

TEST(BatchEncoder, UsesTheTokenizersOwnSpecialIds) {
    // The hand-made SentencePiece model: <s>=1, </s>=2, no <pad> so padding is <unk>=0.
    const SentencePieceTokenizer tokenizer =
        SentencePieceTokenizer::fromSerialized(test::helloWorldSentencePieceModel(), "hw").value();
    BatchEncodingOptions options;
    options.usePrefixes = false;
    const EncodedBatch batch =
        BatchEncoder(tokenizer, options).encode({"hello world", "world"}, TextRole::Passage);
    EXPECT_EQ(batch.ids, (Ids{1, 3, 4, 2, /**/ 1, 4, 2, 0}));
    EXPECT_EQ(batch.mask, (Ids{1, 1, 1, 1, /**/ 1, 1, 1, 0}));
}

TEST(BatchEncoder, EmptyBatchAndImpossibleLength) {
    const WordPieceTokenizer tokenizer = catTokenizer();
    const EncodedBatch empty = BatchEncoder(tokenizer, {}).encode({}, TextRole::Query);
    EXPECT_EQ(empty.rows, 0u);
    EXPECT_EQ(empty.cols, 0u);
    EXPECT_TRUE(empty.ids.empty());

    BatchEncodingOptions options;
    options.maxLength = 2;  // only [CLS] and [SEP] would fit
    EXPECT_THROW(BatchEncoder(tokenizer, options), std::invalid_argument);
}

}  // namespace
}  // namespace mtrec::text
