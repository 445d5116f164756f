#include "model/encoder.h"

#include <sstream>
#include <stdexcept>
#include <utility>

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Functions.h>
#include <torch/csrc/autograd/grad_mode.h>
#include <torch/nn/modules/container/modulelist.h>

#include "model/attention_kernel.h"
#include "model/embeddings.h"
#include "model/layer_norm.h"
#include "model/linear.h"
#include "model/pooling.h"
#include "model/transformer_layer.h"

namespace mtrec::model {

namespace {

EncoderConfig validated(EncoderConfig config) {
    const std::vector<std::string> problems = validate(config);
    if (problems.empty()) return config;
    std::string message = "invalid encoder config:";
    for (const std::string& problem : problems) message += " " + problem + ";";
    throw std::invalid_argument(message);
}

}  // namespace

EncoderImpl::EncoderImpl(EncoderConfig config) : config_(validated(std::move(config))) {
    embeddings_ = register_module("embeddings", std::make_shared<EmbeddingsImpl>(config_));
    auto list = torch::nn::ModuleList();
    for (int64_t i = 0; i < config_.layers; ++i) {
        layers_.push_back(std::make_shared<TransformerLayerImpl>(config_));
        list->push_back(layers_.back());
    }
    register_module("layer", list);
    if (config_.preLayerNorm)
        finalNorm_ = register_module("final_norm", std::make_shared<LayerNormImpl>(
                                                       config_.hiddenSize, config_.layerNormEps));
}

at::Tensor EncoderImpl::hiddenStates(const at::Tensor& ids, const at::Tensor& mask) {
    if (ids.sizes() != mask.sizes())
        throw std::invalid_argument("Encoder: ids and mask must have the same shape");
    const at::Tensor keyBias = keyBiasFromMask(mask);
    at::Tensor x = embeddings_->forward(ids);
    for (const auto& layer : layers_) x = layer->forward(x, keyBias);
    if (finalNorm_) x = finalNorm_->forward(x);
    return x;
}

at::Tensor EncoderImpl::pool(const at::Tensor& hidden, const at::Tensor& mask) const {
    return model::pool(hidden, mask, config_.pooling);
}

at::Tensor EncoderImpl::forward(const at::Tensor& ids, const at::Tensor& mask) {
    return pool(hiddenStates(ids, mask), mask);
}

void EncoderImpl::initialiseWeights(uint64_t seed) {
    torch::NoGradGuard noGrad;
    at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    constexpr double kStd = 0.02;  // BERT's initializer_range
    // modules() lists submodules in registration order, so the draws are in a fixed order.
    for (const auto& module : modules(/*include_self=*/false)) {
        if (auto* linear = module->as<LinearImpl>()) {
            linear->weight.normal_(0.0, kStd, generator);
            linear->bias.zero_();
        } else if (auto* table = module->as<EmbeddingTableImpl>()) {
            table->weight.normal_(0.0, kStd, generator);
        } else if (auto* norm = module->as<LayerNormImpl>()) {
            norm->weight.fill_(1.0);
            norm->bias.zero_();
        }
    }
    embeddings_->wordEmbeddings->weight[config_.padId].zero_();
    if (config_.architecture == Architecture::XlmRoberta)
        embeddings_->positionEmbeddings->weight[config_.padId].zero_();
}

Result<Encoder> createEncoder(const EncoderConfig& config, uint64_t seed) {
    const std::vector<std::string> problems = validate(config);
    if (!problems.empty()) {
        std::ostringstream message;
        message << "invalid encoder config:";
        for (const std::string& problem : problems) message << "\n  " << problem;
        return Error{message.str()};
    }
    auto encoder = std::make_shared<EncoderImpl>(config);
    encoder->initialiseWeights(seed);
    return encoder;
}

}  // namespace mtrec::model
