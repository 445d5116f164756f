// Inference helper: length-sorted batches give the same vectors as one row at a time, in order.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <gtest/gtest.h>
#include <torch/csrc/autograd/grad_mode.h>

#include "model/text_embedder.h"
#include "model_test_util.h"
#include "text/tokenizer.h"

namespace mtrec::model {
namespace {

using test::maxAbsDiff;
using test::tinyConfig;

/// One id per byte: 'a' → 3, 'b' → 4, …; <s> = 1, </s> = 2, pad = 0.
class ByteTokenizer : public text::Tokenizer {
public:
    std::vector<int64_t> encode(std::string_view text) const override {
        std::vector<int64_t> ids;
        for (char c : text) ids.push_back(3 + (static_cast<unsigned char>(c) % 40));
        return ids;
    }
    std::string decode(const std::vector<int64_t>&) const override { return {}; }
    std::string token(int64_t id) const override { return std::to_string(id); }
    int64_t vocabSize() const override { return 50; }
    const text::SpecialTokens& specialTokens() const override { return special_; }

private:
    text::SpecialTokens special_{1, 2, 0, 0};
};

at::Tensor oneAtATime(EncoderImpl& encoder, const std::vector<int64_t>& row) {
    torch::NoGradGuard noGrad;
    const at::Tensor ids = at::tensor(row, at::kLong).unsqueeze(0);
    const at::Tensor pooled = encoder.forward(ids, at::ones_like(ids))[0];
    return pooled / pooled.norm();
}

TEST(TextEmbedderTest, BatchedSortedEmbeddingsEqualSingleRowsInInputOrder) {
    at::set_num_threads(2);
    Encoder encoder = createEncoder(tinyConfig(), 3).value();
    encoder->train();
    const std::vector<std::vector<int64_t>> rows = {
        {5, 6, 7, 8, 9, 10, 11}, {12}, {13, 14, 15}, {16, 17}, {18, 19, 20, 21, 22}, {23, 24, 25}};
    EmbeddingOptions pairs;
    pairs.batchSize = 2;
    const at::Tensor result = embedIds(*encoder, rows, pairs);
    EXPECT_TRUE(encoder->is_training());  // restored
    EXPECT_FALSE(result.is_inference());
    ASSERT_EQ(result.sizes(), at::IntArrayRef({6, 32}));
    encoder->eval();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        EXPECT_LT(maxAbsDiff(result[i], oneAtATime(*encoder, rows[i])), 1e-5) << i;
        EXPECT_NEAR(result[i].norm().item<double>(), 1.0, 1e-6);
    }
    EXPECT_EQ(embedIds(*encoder, {}).size(0), 0);
}

TEST(TextEmbedderTest, ReportsTheRowsEmbeddedAfterEachBatch) {
    Encoder encoder = createEncoder(tinyConfig(), 3).value();
    const std::vector<std::vector<int64_t>> rows = {{5, 6}, {7}, {8, 9, 10}, {11}, {12, 13}};
    EmbeddingOptions options;
    options.batchSize = 2;
    std::vector<std::size_t> reports;
    options.onBatch = [&](std::size_t embedded) { reports.push_back(embedded); };
    embedIds(*encoder, rows, options);
    EXPECT_EQ(reports, (std::vector<std::size_t>{2, 4, 5}));
}

TEST(TextEmbedderTest, TextsAreTokenisedWithTheRolePrefix) {
    at::set_num_threads(2);
    Encoder encoder = createEncoder(tinyConfig(), 4).value();
    ByteTokenizer tokenizer;
    text::BatchEncodingOptions options;
    options.maxLength = 24;  // the tiny encoder has 24 positions
    text::BatchEncoder batchEncoder(tokenizer, options);
    const std::vector<std::string> texts = {"where is it", "x", "a longer passage text"};
    const at::Tensor queries = embedTexts(*encoder, batchEncoder, texts, text::TextRole::Query);
    const at::Tensor plain = embedTexts(*encoder, batchEncoder, texts, text::TextRole::Plain);
    encoder->eval();
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const auto row = batchEncoder.encodeOne(texts[i], text::TextRole::Query);
        EXPECT_EQ(row.front(), 1);
        EXPECT_LT(maxAbsDiff(queries[i], oneAtATime(*encoder, row)), 1e-5);
    }
    EXPECT_GT(maxAbsDiff(queries[1], plain[1]), 1e-3);
}

}  // namespace
}  // namespace mtrec::model
