// The trap of DESIGN.md §10: Debian's libsentencepiece bundles protobuf-lite and exports it, and a
// process that also loads libtorch (system protobuf) then crashes at start-up. This test does both
// in one process; it fails (by crashing) if the build ever links such a SentencePiece again.
#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "test_support.h"
#include "text/batch_encoder.h"
#include "text/multilingual_corpus.h"
#include "text/sentencepiece_training.h"
#include "text/tensor_batch.h"

namespace mtrec::text {
namespace {

TEST(TorchAndSentencePiece, LoadInOneProcess) {
    const at::Tensor ones = at::ones({2, 2});
    EXPECT_EQ(ones.sum().item<float>(), 4.0f);

    test::TempDir dir;
    SentencePieceTrainOptions options;
    options.vocabSize = 300;
    options.characterCoverage = 1.0;
    options.byteFallback = false;  // a vocabulary too small for the 256 byte pieces
    const auto path = dir.path() / "trap.model";
    Result<SentencePieceTokenizer> trained =
        trainSentencePiece(test::multilingualCorpus(40), options, path);
    ASSERT_TRUE(trained.ok()) << trained.error().message;
    Result<SentencePieceTokenizer> loaded = SentencePieceTokenizer::load(path);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    const SentencePieceTokenizer& tokenizer = loaded.value();
    EXPECT_EQ(tokenizer.vocabSize(), 300);

    const std::vector<std::string> sentences = test::oneSentencePerLanguage();
    for (const std::string& sentence : sentences) {
        const std::vector<int64_t> ids = tokenizer.encode(sentence);
        for (int64_t id : ids) {
            EXPECT_GE(id, 4);
            EXPECT_LT(id, 300);
        }
        EXPECT_EQ(tokenizer.decode(ids), sentence);
    }

    BatchEncodingOptions batchOptions;
    batchOptions.usePrefixes = false;
    const EncodedBatch batch =
        BatchEncoder(tokenizer, batchOptions).encode(sentences, TextRole::Plain);
    const TensorBatch tensors = toTensors(batch);
    EXPECT_EQ(tensors.ids.size(0), 11);
    std::size_t realTokens = 0;
    for (std::size_t row = 0; row < batch.rows; ++row) realTokens += batch.length(row);
    EXPECT_EQ(tensors.mask.sum().item<int64_t>(), static_cast<int64_t>(realTokens));
    EXPECT_EQ(tensors.ids.select(1, 0).eq(1).all().item<bool>(), true)
        << "every row starts with <s>";
    EXPECT_EQ(tensors.ids.max().item<int64_t>() < 300, true);
}

}  // namespace
}  // namespace mtrec::text
