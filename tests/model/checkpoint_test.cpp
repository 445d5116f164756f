// The project's own checkpoint folder: encoder.json + encoder.pt.
#include <filesystem>
#include <fstream>

#include <ATen/ATen.h>
#include <gtest/gtest.h>
#include <torch/csrc/autograd/grad_mode.h>
#include <nlohmann/json.hpp>

#include "model/encoder_checkpoint.h"
#include "model_test_util.h"
#include "test_support.h"

namespace mtrec::model {
namespace {

using test::padRows;
using test::tinyConfig;

Encoder trainedLookingEncoder() {
    EncoderConfig config = tinyConfig();
    config.pooling = Pooling::Cls;
    Encoder encoder = createEncoder(config, 21).value();
    torch::NoGradGuard noGrad;
    at::manual_seed(2);
    for (auto& p : encoder->parameters()) p.add_(at::randn_like(p).mul_(0.1));  // not the init
    return encoder;
}

TEST(CheckpointTest, SaveAndLoadGiveTheSameTensorsConfigAndOutputs) {
    mtrec::test::TempDir dir;
    Encoder encoder = trainedLookingEncoder();
    const std::string folder = (dir.path() / "ckpt" / "step-10").string();
    ASSERT_TRUE(saveEncoder(*encoder, folder).ok());
    EXPECT_TRUE(std::filesystem::exists(folder + "/encoder.json"));
    EXPECT_TRUE(std::filesystem::exists(folder + "/encoder.pt"));

    Result<Encoder> loaded = loadEncoder(folder);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_FALSE(loaded.value()->is_training());
    EXPECT_EQ(toJson(loaded.value()->config()), toJson(encoder->config()));
    auto original = encoder->named_parameters();
    auto restored = loaded.value()->named_parameters();
    ASSERT_EQ(restored.size(), original.size());
    for (const auto& item : original)
        EXPECT_TRUE(item.value().equal(restored[item.key()])) << item.key();

    encoder->eval();
    const auto [ids, mask] = padRows({{4, 5, 6}, {7}}, 0);
    torch::NoGradGuard noGrad;
    EXPECT_TRUE(encoder->forward(ids, mask).equal(loaded.value()->forward(ids, mask)));
}

TEST(CheckpointTest, MissingFilesAreNamed) {
    mtrec::test::TempDir dir;
    const std::string folder = dir.path().string();
    Result<Encoder> noConfig = loadEncoder(folder);
    ASSERT_FALSE(noConfig.ok());
    EXPECT_NE(noConfig.error().message.find(folder + "/encoder.json"), std::string::npos)
        << noConfig.error().message;
    dir.write("encoder.json", toJson(tinyConfig()).dump());
    Result<Encoder> noTensors = loadEncoder(folder);
    ASSERT_FALSE(noTensors.ok());
    EXPECT_EQ(noTensors.error().message, folder + "/encoder.pt: no such file");
}

TEST(CheckpointTest, AConfigThatDoesNotFitTheTensorsIsAnError) {
    mtrec::test::TempDir dir;
    Encoder encoder = trainedLookingEncoder();
    const std::string folder = dir.path().string();
    ASSERT_TRUE(saveEncoder(*encoder, folder).ok());

    nlohmann::json config = toJson(encoder->config());
    config["intermediate_size"] = 128;
    dir.write("encoder.json", config.dump());
    Result<Encoder> wider = loadEncoder(folder);
    ASSERT_FALSE(wider.ok());
    EXPECT_EQ(wider.error().message,
              folder +
                  "/encoder.pt: tensor 'layer.0.feed_forward.intermediate.weight' has shape "
                  "[64, 32], encoder.json implies [128, 32]");

    config["intermediate_size"] = 64;
    config["layers"] = 3;
    dir.write("encoder.json", config.dump());
    Result<Encoder> deeper = loadEncoder(folder);
    ASSERT_FALSE(deeper.ok());
    EXPECT_EQ(deeper.error().message.rfind(folder + "/encoder.pt: ", 0), 0u);
    EXPECT_NE(deeper.error().message.find("2"), std::string::npos) << deeper.error().message;
}

}  // namespace
}  // namespace mtrec::model
