// XLM-R, BERT and the from-scratch encoder against plain-PyTorch references that
// make_hf_reference.py computes at test time with /usr/bin/python3 (Debian's python3-torch).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <gtest/gtest.h>
#include <torch/csrc/autograd/grad_mode.h>
#include <nlohmann/json.hpp>

#include "common/json_document.h"
#include "model/huggingface_encoder.h"
#include "model/safetensors.h"
#include "model_test_util.h"
#include "test_support.h"

namespace mtrec::model {
namespace {

namespace fs = std::filesystem;
using test::maxAbsDiff;

constexpr double kTolerance = 1e-5;
constexpr const char* kPython = "/usr/bin/python3";

std::string readText(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Writes a randomised from-scratch encoder's config, weights and a padded batch into `folder`.
void exportScratch(const fs::path& folder, EncoderConfig config, uint64_t seed) {
    fs::create_directories(folder);
    Encoder encoder = createEncoder(config, seed).value();
    std::vector<std::pair<std::string, at::Tensor>> weights;
    {
        torch::NoGradGuard noGrad;
        at::manual_seed(seed);
        for (auto& item : encoder->named_parameters()) {  // move off the BERT init (LN 1/0, bias 0)
            item.value().add_(at::randn_like(item.value()).mul_(0.1));
            weights.emplace_back(item.key(), item.value());
        }
    }
    ASSERT_TRUE(writeSafetensors((folder / "weights.safetensors").string(), weights).ok());
    std::ofstream(folder / "encoder.json") << toJson(config).dump(2);
    const auto [ids, mask] =
        test::padRows({{3, 9, 27, 31, 4}, {6, 2}, {8, 8, 40, 11, 12, 13, 49}}, config.padId);
    ASSERT_TRUE(writeSafetensors((folder / "inputs.safetensors").string(),
                                 {{"input_ids", ids}, {"attention_mask", mask}})
                    .ok());
}

class HuggingFaceReferenceTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        at::set_num_threads(2);
        if (!fs::exists(kPython)) {
            skipReason_ = std::string(kPython) + " not found: install python3 and python3-torch";
            return;
        }
        if (std::system((std::string(kPython) + " -c 'import torch' >/dev/null 2>&1").c_str()) !=
            0) {
            skipReason_ = std::string(kPython) + " cannot import torch: install python3-torch";
            return;
        }
        dir_ = new mtrec::test::TempDir();
        EncoderConfig pre = test::tinyConfig();
        exportScratch(dir_->path() / "scratch-pre", pre, 31);
        EncoderConfig post = test::tinyConfig();
        post.preLayerNorm = false;
        post.pooling = Pooling::Cls;
        post.layerNormEps = 1e-5;
        exportScratch(dir_->path() / "scratch-post", post, 32);
        const fs::path log = dir_->path() / "python.log";
        const std::string command = std::string(kPython) +
                                    " " MTREC_SOURCE_DIR "/tests/model/make_hf_reference.py '" +
                                    dir_->path().string() + "' > '" + log.string() + "' 2>&1";
        if (std::system(command.c_str()) != 0) pythonError_ = command + "\n" + readText(log);
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    void SetUp() override {
        if (!skipReason_.empty()) GTEST_SKIP() << skipReason_;
        ASSERT_TRUE(pythonError_.empty()) << "make_hf_reference.py failed: " << pythonError_;
    }

    static fs::path folder(const std::string& name) { return dir_->path() / name; }
    static at::Tensor reference(const std::string& name, const std::string& tensor) {
        auto file = SafetensorsFile::open((folder(name) / "reference.safetensors").string());
        return file.value().read(tensor).value();
    }

    /// Loads `name` (a Hugging Face folder) and compares it with Python's outputs.
    static void expectHuggingFaceMatch(const std::string& name) {
        Result<Encoder> mean = loadHuggingFaceEncoder(folder(name).string(), Pooling::Mean);
        ASSERT_TRUE(mean.ok()) << mean.error().message;
        Result<Encoder> cls = loadHuggingFaceEncoder(folder(name).string(), Pooling::Cls);
        ASSERT_TRUE(cls.ok()) << cls.error().message;
        const at::Tensor ids = reference(name, "input_ids"),
                         mask = reference(name, "attention_mask");
        torch::NoGradGuard noGrad;
        const at::Tensor hidden = mean.value()->hiddenStates(ids, mask);
        EXPECT_LT(maxAbsDiff(hidden, reference(name, "last_hidden_state")), kTolerance);
        EXPECT_LT(maxAbsDiff(mean.value()->forward(ids, mask), reference(name, "mean_pooled")),
                  kTolerance);
        EXPECT_LT(maxAbsDiff(cls.value()->forward(ids, mask), reference(name, "cls_pooled")),
                  kTolerance);
        EXPECT_GT(hidden.abs().max().item<float>(), 0.5f);  // not a trivially small output
    }

    /// Rewrites `name`'s model.safetensors into a copy folder after `edit`; returns the folder.
    static fs::path editedCopy(
        const std::string& name, const std::string& copy,
        const std::function<void(std::vector<std::pair<std::string, at::Tensor>>&)>& edit) {
        const fs::path target = dir_->path() / copy;
        fs::create_directories(target);
        fs::copy_file(folder(name) / "config.json", target / "config.json",
                      fs::copy_options::overwrite_existing);
        auto file = SafetensorsFile::open((folder(name) / "model.safetensors").string()).value();
        std::vector<std::pair<std::string, at::Tensor>> tensors;
        for (const auto& entry : file.entries())
            tensors.emplace_back(entry.name, file.read(entry.name).value());
        edit(tensors);
        EXPECT_TRUE(writeSafetensors((target / "model.safetensors").string(), tensors).ok());
        return target;
    }

    static mtrec::test::TempDir* dir_;
    static std::string skipReason_;
    static std::string pythonError_;
};

mtrec::test::TempDir* HuggingFaceReferenceTest::dir_ = nullptr;
std::string HuggingFaceReferenceTest::skipReason_;
std::string HuggingFaceReferenceTest::pythonError_;

TEST_F(HuggingFaceReferenceTest, XlmRobertaMatchesPythonWithPrefixAndPositionIdsBuffer) {
    expectHuggingFaceMatch("xlm-roberta");
    const EncoderConfig config =
        loadHuggingFaceEncoder(folder("xlm-roberta").string()).value()->config();
    EXPECT_EQ(config.architecture, Architecture::XlmRoberta);
    EXPECT_EQ(config.padId, 1);
    EXPECT_EQ(config.layerNormEps, 1e-5);
    EXPECT_FALSE(config.preLayerNorm);
}

TEST_F(HuggingFaceReferenceTest, BertMatchesPythonFromFloat16Weights) {
    expectHuggingFaceMatch("bert");
    EXPECT_EQ(loadHuggingFaceEncoder(folder("bert").string()).value()->config().typeVocabSize, 2);
}

TEST_F(HuggingFaceReferenceTest, FromScratchEncoderMatchesPythonMirror) {
    for (const std::string name : {"scratch-pre", "scratch-post"}) {
        Result<JsonDocument> json = JsonDocument::read((folder(name) / "encoder.json").string());
        Encoder encoder =
            std::make_shared<EncoderImpl>(encoderConfigFromJson(json.value().root()).value());
        auto weights =
            SafetensorsFile::open((folder(name) / "weights.safetensors").string()).value();
        torch::NoGradGuard noGrad;
        for (auto& item : encoder->named_parameters())
            item.value().copy_(weights.read(item.key()).value());
        encoder->eval();
        auto inputs = SafetensorsFile::open((folder(name) / "inputs.safetensors").string()).value();
        const at::Tensor ids = inputs.read("input_ids").value(),
                         mask = inputs.read("attention_mask").value();
        const at::Tensor hidden = encoder->hiddenStates(ids, mask);
        EXPECT_LT(maxAbsDiff(hidden, reference(name, "last_hidden_state")), kTolerance) << name;
        const std::string pooled =
            encoder->config().pooling == Pooling::Cls ? "cls_pooled" : "mean_pooled";
        EXPECT_LT(maxAbsDiff(encoder->forward(ids, mask), reference(name, pooled)), kTolerance)
            << name;
    }
}

TEST_F(HuggingFaceReferenceTest, MissingOrMisshapedTensorsAreNamed) {
    const fs::path missing = editedCopy("xlm-roberta", "missing", [](auto& tensors) {
        tensors.erase(std::remove_if(tensors.begin(), tensors.end(),
                                     [](const auto& t) {
                                         return t.first ==
                                                "roberta.encoder.layer.1.attention.self.key.weight";
                                     }),
                      tensors.end());
    });
    Result<Encoder> noKey = loadHuggingFaceEncoder(missing.string());
    ASSERT_FALSE(noKey.ok());
    EXPECT_EQ(noKey.error().message,
              (missing / "model.safetensors").string() +
                  ": missing tensor 'roberta.encoder.layer.1.attention.self.key.weight'");

    const fs::path misshaped = editedCopy("xlm-roberta", "misshaped", [](auto& tensors) {
        for (auto& t : tensors)
            if (t.first == "roberta.encoder.layer.0.output.dense.weight")
                t.second = at::zeros({32, 60});
    });
    Result<Encoder> wrongShape = loadHuggingFaceEncoder(misshaped.string());
    ASSERT_FALSE(wrongShape.ok());
    EXPECT_EQ(wrongShape.error().message,
              (misshaped / "model.safetensors").string() +
                  ": tensor 'roberta.encoder.layer.0.output.dense.weight' has shape [32, 60], "
                  "expected [32, 64]");
}

TEST_F(HuggingFaceReferenceTest, ConfigErrorsNameTheFileAndJsonPath) {
    const fs::path target = dir_->path() / "bad-config";
    fs::create_directories(target);
    nlohmann::json config = nlohmann::json::parse(readText(folder("xlm-roberta") / "config.json"));
    config["hidden_size"] = "32";
    config["model_type"] = "gpt2";
    config.erase("num_attention_heads");
    std::ofstream(target / "config.json") << config.dump();
    Result<Encoder> encoder = loadHuggingFaceEncoder(target.string());
    ASSERT_FALSE(encoder.ok());
    const std::string file = (target / "config.json").string();
    const std::string& message = encoder.error().message;
    EXPECT_NE(message.find(file + ": $.model_type: model_type 'gpt2' is not supported"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find(file + ": $.hidden_size: expected a whole number, found a string"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find(file + ": $.num_attention_heads: missing (required)"), std::string::npos)
        << message;

    Result<Encoder> absent = loadHuggingFaceEncoder((dir_->path() / "nowhere").string());
    ASSERT_FALSE(absent.ok());
    EXPECT_NE(absent.error().message.find("nowhere/config.json"), std::string::npos)
        << absent.error().message;
}

}  // namespace
}  // namespace mtrec::model
