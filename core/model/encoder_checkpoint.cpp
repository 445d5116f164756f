#include "model/encoder_checkpoint.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <c10/util/Exception.h>
#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>
#include <nlohmann/json.hpp>

#include "common/json_document.h"
#include "model/archive_file.h"

namespace mtrec::model {

namespace {

constexpr const char* kConfigFile = "encoder.json";
constexpr const char* kTensorFile = "encoder.pt";

std::string firstLine(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

std::string shapeText(at::IntArrayRef shape) {
    std::ostringstream out;
    out << shape;
    return out.str();
}

}  // namespace

Status saveEncoder(EncoderImpl& encoder, const std::string& folder) {
    const std::filesystem::path root(folder);
    std::error_code ec;
    std::filesystem::create_directories(root, ec);
    if (ec) return Error{folder + ": cannot create the folder: " + ec.message()};
    const std::string configPath = (root / kConfigFile).string();
    std::ofstream config(configPath, std::ios::trunc);
    config << toJson(encoder.config()).dump(2) << "\n";
    config.close();
    if (!config) return Error{configPath + ": cannot write"};
    const std::string tensorPath = (root / kTensorFile).string();
    torch::serialize::OutputArchive archive;
    try {
        encoder.save(archive);
    } catch (const c10::Error& error) {
        return Error{tensorPath + ": cannot write: " + firstLine(error.what())};
    }
    return saveArchive(archive, tensorPath);
}

Result<Encoder> loadEncoder(const std::string& folder) {
    const std::filesystem::path root(folder);
    Result<JsonDocument> document = JsonDocument::read((root / kConfigFile).string());
    if (!document) return document.error();
    Result<EncoderConfig> config = encoderConfigFromJson(document.value().root());
    if (!config) return config.error();
    auto encoder = std::make_shared<EncoderImpl>(config.value());
    std::map<std::string, std::vector<int64_t>> expected;
    for (const auto& item : encoder->named_parameters())
        expected[item.key()] = item.value().sizes().vec();
    for (const auto& item : encoder->named_buffers())
        expected[item.key()] = item.value().sizes().vec();

    const std::string tensorPath = (root / kTensorFile).string();
    if (!std::filesystem::exists(tensorPath)) return Error{tensorPath + ": no such file"};
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(tensorPath);
        encoder->load(archive);
    } catch (const c10::Error& error) {
        return Error{tensorPath + ": " + firstLine(error.what())};
    }
    // Module::load replaces each tensor with the stored one whatever its shape: check them.
    for (const auto& item : encoder->named_parameters()) {
        const std::vector<int64_t>& shape = expected.at(item.key());
        if (item.value().sizes() != at::IntArrayRef(shape))
            return Error{tensorPath + ": tensor '" + item.key() + "' has shape " +
                         shapeText(item.value().sizes()) + ", " + kConfigFile + " implies " +
                         shapeText(shape)};
    }
    encoder->eval();
    return encoder;
}

}  // namespace mtrec::model
