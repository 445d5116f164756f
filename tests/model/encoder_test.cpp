// The encoder as a whole: config JSON, registered names, initialisation, padding invariance,
// dropout in training mode, and gradients.
#include <set>
#include <string>

#include <ATen/ATen.h>
#include <gtest/gtest.h>
#include <torch/csrc/autograd/grad_mode.h>
#include <nlohmann/json.hpp>

#include "common/json_document.h"
#include "model/encoder.h"
#include "model_test_util.h"

namespace mtrec::model {
namespace {

using test::maxAbsDiff;
using test::padRows;
using test::tinyConfig;

Result<EncoderConfig> parseConfig(const std::string& text) {
    Result<JsonDocument> document = JsonDocument::parse(text, "enc.json");
    if (!document) return document.error();
    return encoderConfigFromJson(document.value().root());
}

Encoder makeEncoder(const EncoderConfig& config, uint64_t seed = 11) {
    Result<Encoder> encoder = createEncoder(config, seed);
    if (!encoder) throw std::runtime_error(encoder.error().message);
    encoder.value()->eval();
    return encoder.value();
}

TEST(EncoderConfigTest, JsonRoundTripKeepsEveryField) {
    EncoderConfig config = tinyConfig();
    config.architecture = Architecture::Bert;
    config.typeVocabSize = 2;
    config.pooling = Pooling::Cls;
    config.preLayerNorm = false;
    config.dropout = 0.25;
    config.layerNormEps = 1e-5;
    config.hiddenAct = "relu";
    Result<EncoderConfig> parsed = parseConfig(toJson(config).dump());
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(toJson(parsed.value()), toJson(config));
    EXPECT_EQ(toJson(config)["format_version"], 1);
    EXPECT_EQ(toJson(config)["architecture"], "bert");
}

TEST(EncoderConfigTest, MissingKeysTakeTheDefaults) {
    Result<EncoderConfig> parsed = parseConfig(R"({"vocab_size": 300})");
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed.value().vocabSize, 300);
    EXPECT_EQ(parsed.value().hiddenSize, 256);
    EXPECT_EQ(parsed.value().layers, 4);
    EXPECT_EQ(parsed.value().heads, 4);
    EXPECT_EQ(parsed.value().intermediateSize, 1024);
    EXPECT_TRUE(parsed.value().preLayerNorm);
    EXPECT_EQ(parsed.value().pooling, Pooling::Mean);
}

TEST(EncoderConfigTest, EveryProblemIsReportedWithFileAndPath) {
    Result<EncoderConfig> parsed =
        parseConfig(R"({"hidden_size": "big", "pooling": "max", "bogus": 1, "dropout": true})");
    ASSERT_FALSE(parsed.ok());
    const std::string& message = parsed.error().message;
    EXPECT_NE(message.find("enc.json: $.hidden_size: expected a whole number, found a string"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("enc.json: $.pooling: unknown pooling 'max'"), std::string::npos)
        << message;
    EXPECT_NE(message.find("enc.json: $.bogus: unknown key"), std::string::npos) << message;
    EXPECT_NE(message.find("enc.json: $.dropout: expected a number"), std::string::npos) << message;
}

TEST(EncoderConfigTest, InvalidValuesAndNewerVersionsAreRejected) {
    Result<EncoderConfig> bad = parseConfig(R"({"hidden_size": 30, "heads": 4, "pad_id": 9000})");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("heads (4) must divide hidden_size (30)"),
              std::string::npos);
    EXPECT_NE(bad.error().message.find("pad_id 9000 is outside the vocabulary"), std::string::npos);
    Result<EncoderConfig> newer = parseConfig(R"({"format_version": 2})");
    ASSERT_FALSE(newer.ok());
    EXPECT_NE(newer.error().message.find("$.format_version: format_version 2 is not supported"),
              std::string::npos)
        << newer.error().message;
    EncoderConfig config = tinyConfig();
    config.dropout = 1.0;
    Result<Encoder> encoder = createEncoder(config, 1);
    ASSERT_FALSE(encoder.ok());
    EXPECT_NE(encoder.error().message.find("dropout must be in [0, 1)"), std::string::npos);
}

TEST(EncoderTest, RegistersTheCheckpointNamesAndShapes) {
    Encoder encoder = makeEncoder(tinyConfig());
    std::map<std::string, std::vector<int64_t>> shapes;
    for (const auto& item : encoder->named_parameters())
        shapes[item.key()] = item.value().sizes().vec();
    EXPECT_EQ(shapes.size(), 4u + 2 * 12 + 2);  // embeddings, 12 per layer, final norm
    EXPECT_EQ(shapes.at("embeddings.word_embeddings.weight"), std::vector<int64_t>({50, 32}));
    EXPECT_EQ(shapes.at("embeddings.position_embeddings.weight"), std::vector<int64_t>({24, 32}));
    EXPECT_EQ(shapes.at("layer.1.attention.qkv.weight"), std::vector<int64_t>({96, 32}));
    EXPECT_EQ(shapes.at("layer.0.feed_forward.intermediate.weight"),
              std::vector<int64_t>({64, 32}));
    EXPECT_EQ(shapes.at("layer.0.output_norm.bias"), std::vector<int64_t>({32}));
    EXPECT_EQ(shapes.at("final_norm.weight"), std::vector<int64_t>({32}));
    EXPECT_EQ(shapes.count("embeddings.token_type_embeddings.weight"), 0u);
}

TEST(EncoderTest, InitialisationIsBertLikeAndDeterministicForASeed) {
    const at::Tensor stateBefore = at::detail::getDefaultCPUGenerator().get_state();
    Encoder a = makeEncoder(tinyConfig(), 5), b = makeEncoder(tinyConfig(), 5);
    Encoder c = makeEncoder(tinyConfig(), 6);
    EXPECT_TRUE(at::detail::getDefaultCPUGenerator().get_state().equal(stateBefore));
    const auto pa = a->named_parameters(), pb = b->named_parameters(), pc = c->named_parameters();
    for (const auto& item : pa) EXPECT_TRUE(item.value().equal(pb[item.key()])) << item.key();
    EXPECT_FALSE(pa["layer.0.attention.qkv.weight"].equal(pc["layer.0.attention.qkv.weight"]));
    const at::Tensor qkv = pa["layer.0.attention.qkv.weight"];
    EXPECT_NEAR(qkv.std().item<double>(), 0.02, 0.002);
    EXPECT_NEAR(qkv.mean().item<double>(), 0.0, 0.002);
    EXPECT_EQ(pa["layer.0.attention.qkv.bias"].abs().sum().item<float>(), 0.0f);
    EXPECT_TRUE(pa["layer.1.output_norm.weight"].eq(1.0f).all().item<bool>());
    EXPECT_EQ(pa["embeddings.word_embeddings.weight"][0].abs().sum().item<float>(), 0.0f);  // pad
}

/// A row's pooled output and hidden states must not depend on how much padding follows it.
void expectPaddingInvariant(EncoderConfig config) {
    Encoder encoder = makeEncoder(config);
    const int64_t pad = config.padId;
    const std::vector<int64_t> row = {3, 17, 8, 25};
    const auto [aloneIds, aloneMask] = padRows({row}, pad);
    const auto [ids, mask] = padRows({{9, 4, 30, 12, 5, 6, 7, 40, 2}, row, {11}}, pad, 12);
    torch::NoGradGuard noGrad;
    const at::Tensor alone = encoder->forward(aloneIds, aloneMask);
    const at::Tensor batched = encoder->forward(ids, mask);
    ASSERT_EQ(batched.sizes(), at::IntArrayRef({3, 32}));
    EXPECT_LT(maxAbsDiff(batched[1], alone[0]), 1e-5);
    const at::Tensor hidden = encoder->hiddenStates(ids, mask);
    ASSERT_EQ(hidden.sizes(), at::IntArrayRef({3, 12, 32}));
    EXPECT_LT(maxAbsDiff(hidden[1].narrow(0, 0, 4), encoder->hiddenStates(aloneIds, aloneMask)[0]),
              1e-5);
    EXPECT_GT(maxAbsDiff(batched[0], batched[1]), 1e-2);  // different rows stay different
}

TEST(EncoderTest, PaddingDoesNotChangeARowPreLayerNormMeanPooling) {
    expectPaddingInvariant(tinyConfig());
}

TEST(EncoderTest, PaddingDoesNotChangeARowPostLayerNormClsPooling) {
    EncoderConfig config = tinyConfig();
    config.preLayerNorm = false;
    config.pooling = Pooling::Cls;
    expectPaddingInvariant(config);
}

TEST(EncoderTest, PaddingDoesNotChangeARowWithXlmRobertaPositions) {
    EncoderConfig config = tinyConfig();
    config.architecture = Architecture::XlmRoberta;
    config.preLayerNorm = false;
    config.typeVocabSize = 1;
    config.padId = 1;
    config.maxPositions = 30;
    expectPaddingInvariant(config);
}

TEST(EncoderTest, DropoutActsOnlyInTrainingModeAndFollowsTheGlobalSeed) {
    EncoderConfig config = tinyConfig();
    config.dropout = 0.1;
    config.attentionDropout = 0.1;
    Encoder encoder = makeEncoder(config);
    const auto [ids, mask] = padRows({{3, 4, 5, 6}, {7, 8}}, 0);
    torch::NoGradGuard noGrad;
    const at::Tensor evalOut = encoder->forward(ids, mask);
    EXPECT_TRUE(encoder->forward(ids, mask).equal(evalOut));
    encoder->train();
    at::manual_seed(99);
    const at::Tensor first = encoder->forward(ids, mask);
    const at::Tensor second = encoder->forward(ids, mask);
    at::manual_seed(99);
    const at::Tensor again = encoder->forward(ids, mask);
    EXPECT_GT(maxAbsDiff(first, evalOut), 1e-3);
    EXPECT_GT(maxAbsDiff(first, second), 1e-3);
    EXPECT_TRUE(first.equal(again));
}

TEST(EncoderTest, GradientsReachEveryParameterExceptThePadRow) {
    Encoder encoder = makeEncoder(tinyConfig());
    encoder->train();
    const auto [ids, mask] = padRows({{3, 4, 5, 6}, {7, 8}}, 0);
    encoder->forward(ids, mask).pow(2).sum().backward();
    for (const auto& item : encoder->named_parameters()) {
        ASSERT_TRUE(item.value().grad().defined()) << item.key();
        EXPECT_TRUE(item.value().grad().isfinite().all().item<bool>()) << item.key();
        EXPECT_GT(item.value().grad().abs().sum().item<float>(), 0.0f) << item.key();
    }
    const at::Tensor wordGrad =
        encoder->named_parameters()["embeddings.word_embeddings.weight"].grad();
    EXPECT_EQ(wordGrad[0].abs().sum().item<float>(), 0.0f);
    EXPECT_GT(wordGrad[3].abs().sum().item<float>(), 0.0f);
}

TEST(EncoderTest, RejectsInputsLongerThanThePositionTable) {
    Encoder encoder = makeEncoder(tinyConfig());
    const at::Tensor ids = at::full({1, 25}, 3, at::kLong);
    EXPECT_THROW(encoder->forward(ids, at::ones_like(ids)), std::invalid_argument);
    EXPECT_THROW(encoder->forward(ids, at::ones({1, 24}, at::kLong)), std::invalid_argument);
}

}  // namespace
}  // namespace mtrec::model
