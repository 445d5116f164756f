#include "text/tokenizer_loader.h"

#include <gtest/gtest.h>

#include "data/expect_error.h"
#include "test_support.h"
#include "text/handmade_sentencepiece.h"
#include "text/sentencepiece_tokenizer.h"
#include "text/wordpiece_tokenizer.h"
#include "text/xlmr_tokenizer.h"

namespace mtrec::text {
namespace {

using test::expectError;
using Ids = std::vector<int64_t>;

TEST(TokenizerLoader, PicksTheKindFromWhatThePathHolds) {
    test::TempDir dir;
    const auto model = dir.write("spm.model", test::helloWorldSentencePieceModel());
    dir.write("xlmr/sentencepiece.bpe.model", test::helloWorldSentencePieceModel());
    dir.write("xlmr/config.json", R"({"vocab_size": 15})");
    dir.write("bert/vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\nhello\nworld\n");

    auto plain = loadTokenizer(model);
    ASSERT_TRUE(plain.ok()) << plain.error().message;
    EXPECT_NE(dynamic_cast<const SentencePieceTokenizer*>(plain.value().get()), nullptr);
    EXPECT_EQ(plain.value()->encode("hello world"), (Ids{3, 4}));

    auto xlmr = loadTokenizer(dir.path() / "xlmr");
    ASSERT_TRUE(xlmr.ok()) << xlmr.error().message;
    EXPECT_NE(dynamic_cast<const XlmRobertaTokenizer*>(xlmr.value().get()), nullptr);
    EXPECT_EQ(xlmr.value()->encode("hello world"), (Ids{4, 5}));

    auto bert = loadTokenizer(dir.path() / "bert");
    ASSERT_TRUE(bert.ok()) << bert.error().message;
    EXPECT_NE(dynamic_cast<const WordPieceTokenizer*>(bert.value().get()), nullptr);
    EXPECT_EQ(bert.value()->encode("Hello World"), (Ids{4, 5}));
}

TEST(TokenizerLoader, NamesThePathWhenNothingFits) {
    test::TempDir dir;
    expectError(loadTokenizer(dir.path() / "nowhere"), {"nowhere", "does not exist"});
    expectError(loadTokenizer(dir.path()),
                {dir.path().string(), "looked for sentencepiece.bpe.model and vocab.txt"});
    // The kind is chosen, then that loader's own error comes back.
    dir.write("x/sentencepiece.bpe.model", "junk");
    dir.write("x/config.json", R"({"vocab_size": 15})");
    expectError(loadTokenizer(dir.path() / "x"), {"sentencepiece.bpe.model", "not a valid"});
}

}  // namespace
}  // namespace mtrec::text
