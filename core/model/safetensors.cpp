#include "model/safetensors.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>

#include <ATen/Functions.h>
#include <nlohmann/json.hpp>

#include "common/json_document.h"

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "safetensors I/O assumes little-endian");

namespace mtrec::model {

namespace {

constexpr uint64_t kMaxHeaderBytes = 100ull << 20;  // the format's own limit

struct DtypeInfo {
    SafetensorsDtype dtype;
    const char* name;
    int64_t size;
    at::ScalarType scalar;
};

constexpr DtypeInfo kDtypes[] = {
    {SafetensorsDtype::F64, "F64", 8, at::kDouble},
    {SafetensorsDtype::F32, "F32", 4, at::kFloat},
    {SafetensorsDtype::F16, "F16", 2, at::kHalf},
    {SafetensorsDtype::BF16, "BF16", 2, at::kBFloat16},
    {SafetensorsDtype::I64, "I64", 8, at::kLong},
    {SafetensorsDtype::I32, "I32", 4, at::kInt},
    {SafetensorsDtype::I16, "I16", 2, at::kShort},
    {SafetensorsDtype::I8, "I8", 1, at::kChar},
    {SafetensorsDtype::U8, "U8", 1, at::kByte},
    {SafetensorsDtype::Bool, "BOOL", 1, at::kBool},
};

/// "[2, 3]": a shape as errors show it.
std::string shapeText(const std::vector<int64_t>& shape) {
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

/// The bytes of a tensor of `shape` with `elementBytes`-byte elements, or nullopt when they exceed
/// `limit`: checked factor by factor, so no product overflows and a header cannot claim a tensor
/// that read() would then have to allocate beyond the file's size.
std::optional<uint64_t> tensorBytes(const std::vector<int64_t>& shape, uint64_t elementBytes,
                                    uint64_t limit) {
    if (std::find(shape.begin(), shape.end(), 0) != shape.end()) return 0;
    uint64_t bytes = elementBytes;
    for (const int64_t dim : shape)
        if (__builtin_mul_overflow(bytes, static_cast<uint64_t>(dim), &bytes) || bytes > limit)
            return std::nullopt;
    return bytes;
}

const DtypeInfo& info(SafetensorsDtype dtype) {
    for (const DtypeInfo& d : kDtypes)
        if (d.dtype == dtype) return d;
    throw std::logic_error("unknown SafetensorsDtype");
}

Result<SafetensorsEntry> parseEntry(const JsonValue& value, const std::string& name,
                                    uint64_t dataBytes) {
    SafetensorsEntry entry;
    entry.name = name;
    Result<std::string> dtype = value.stringAt("dtype");
    if (!dtype) return dtype.error();
    const auto known = std::find_if(std::begin(kDtypes), std::end(kDtypes),
                                    [&](const DtypeInfo& d) { return dtype.value() == d.name; });
    if (known == std::end(kDtypes))
        return value.member("dtype").value().error("unknown dtype '" + dtype.value() + "'");
    entry.dtype = known->dtype;
    Result<std::vector<JsonValue>> shape = value.arrayAt("shape");
    if (!shape) return shape.error();
    for (const JsonValue& dim : shape.value()) {
        Result<int64_t> size = dim.integer();
        if (!size) return size.error();
        if (size.value() < 0) return dim.error("negative dimension");
        entry.shape.push_back(size.value());
    }
    Result<std::vector<JsonValue>> offsets = value.arrayAt("data_offsets");
    if (!offsets) return offsets.error();
    const JsonValue where = value.member("data_offsets").value();
    if (offsets.value().size() != 2) return where.error("expected [begin, end]");
    Result<int64_t> begin = offsets.value()[0].integer(), end = offsets.value()[1].integer();
    if (!begin) return begin.error();
    if (!end) return end.error();
    if (begin.value() < 0 || end.value() < begin.value())
        return where.error("begin must be >= 0 and <= end");
    entry.begin = static_cast<uint64_t>(begin.value());
    entry.end = static_cast<uint64_t>(end.value());
    if (entry.end > dataBytes)
        return where.error("offsets [" + std::to_string(entry.begin) + ", " +
                           std::to_string(entry.end) + "] run past the end of the data (" +
                           std::to_string(dataBytes) + " bytes; file truncated?)");
    const std::optional<uint64_t> expected =
        tensorBytes(entry.shape, static_cast<uint64_t>(known->size), dataBytes);
    if (!expected)
        return value.member("shape").value().error(shapeText(entry.shape) + " " + known->name +
                                                   " values need more bytes than the file's " +
                                                   std::to_string(dataBytes) + " bytes of data");
    if (entry.end - entry.begin != *expected)
        return where.error("holds " + std::to_string(entry.end - entry.begin) +
                           " bytes, shape and " + known->name + " need " +
                           std::to_string(*expected));
    return entry;
}

}  // namespace

const char* toString(SafetensorsDtype dtype) {
    return info(dtype).name;
}
int64_t elementSize(SafetensorsDtype dtype) {
    return info(dtype).size;
}

Result<SafetensorsFile> SafetensorsFile::open(const std::string& path) {
    std::error_code ec;
    const uint64_t fileSize = std::filesystem::file_size(path, ec);
    if (ec) return Error{path + ": cannot read: " + ec.message()};
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open for reading"};
    unsigned char lengthBytes[8];
    if (fileSize < 8 || !in.read(reinterpret_cast<char*>(lengthBytes), 8))
        return Error{path + ": too short for a safetensors header (" + std::to_string(fileSize) +
                     " bytes)"};
    uint64_t headerBytes = 0;
    for (int i = 7; i >= 0; --i) headerBytes = (headerBytes << 8) | lengthBytes[i];
    if (headerBytes > kMaxHeaderBytes || headerBytes > fileSize - 8)
        return Error{path + ": header length " + std::to_string(headerBytes) +
                     " does not fit in the file (" + std::to_string(fileSize) + " bytes)"};
    std::string header(headerBytes, '\0');
    if (!in.read(header.data(), static_cast<std::streamsize>(headerBytes)))
        return Error{path + ": cannot read the header"};
    Result<JsonDocument> document = JsonDocument::parse(header, path);
    if (!document) return document.error();
    const JsonValue root = document.value().root();
    if (!root.isObject()) return root.error("the header must be a JSON object");

    SafetensorsFile file(path, 8 + headerBytes);
    const uint64_t dataBytes = fileSize - 8 - headerBytes;
    for (const auto& item : root.json().items()) {
        const JsonValue value = root.member(item.key()).value();
        if (item.key() == "__metadata__") {
            if (!value.isObject()) return value.error("expected an object of strings");
            for (const auto& meta : value.json().items()) {
                if (!meta.value().is_string())
                    return value.member(meta.key()).value().error("expected a string");
                file.metadata_[meta.key()] = meta.value().get<std::string>();
            }
            continue;
        }
        if (!value.isObject()) return value.error("expected a tensor entry object");
        Result<SafetensorsEntry> entry = parseEntry(value, item.key(), dataBytes);
        if (!entry) return entry.error();
        file.entries_.push_back(std::move(entry).value());
    }
    std::sort(file.entries_.begin(), file.entries_.end(),
              [](const auto& a, const auto& b) { return a.begin < b.begin; });
    for (std::size_t i = 1; i < file.entries_.size(); ++i)
        if (file.entries_[i].begin < file.entries_[i - 1].end)
            return Error{path + ": tensor '" + file.entries_[i].name + "' overlaps tensor '" +
                         file.entries_[i - 1].name + "'"};
    return file;
}

const SafetensorsEntry* SafetensorsFile::find(const std::string& name) const {
    for (const SafetensorsEntry& entry : entries_)
        if (entry.name == name) return &entry;
    return nullptr;
}

Result<at::Tensor> SafetensorsFile::read(const std::string& name) const {
    const SafetensorsEntry* entry = find(name);
    if (!entry) return Error{path_ + ": no tensor '" + name + "'"};
    at::Tensor tensor =
        at::empty(entry->shape, at::TensorOptions().dtype(info(entry->dtype).scalar));
    std::ifstream in(path_, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(dataStart_ + entry->begin));
    const auto bytes = static_cast<std::streamsize>(entry->end - entry->begin);
    if (!in || !in.read(static_cast<char*>(tensor.data_ptr()), bytes))
        return Error{path_ + ": tensor '" + name + "': cannot read its " + std::to_string(bytes) +
                     " bytes (file changed since it was opened?)"};
    return tensor;
}

Result<at::Tensor> SafetensorsFile::readFloat(const std::string& name) const {
    const SafetensorsEntry* entry = find(name);
    if (entry && entry->dtype != SafetensorsDtype::F32 && entry->dtype != SafetensorsDtype::F16 &&
        entry->dtype != SafetensorsDtype::BF16 && entry->dtype != SafetensorsDtype::F64)
        return Error{path_ + ": tensor '" + name + "' is " + toString(entry->dtype) +
                     ", expected a floating-point dtype"};
    Result<at::Tensor> tensor = read(name);
    if (!tensor) return tensor;
    return tensor.value().to(at::kFloat);
}

Status writeSafetensors(const std::string& path,
                        const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                        const std::map<std::string, std::string>& metadata) {
    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!metadata.empty()) header["__metadata__"] = metadata;
    std::vector<at::Tensor> contiguous;
    uint64_t offset = 0;
    for (const auto& [name, tensor] : tensors) {
        const at::ScalarType scalar = tensor.scalar_type();
        const auto known = std::find_if(std::begin(kDtypes), std::end(kDtypes),
                                        [&](const DtypeInfo& d) { return d.scalar == scalar; });
        if (known == std::end(kDtypes))
            return Error{path + ": tensor '" + name + "' has a dtype safetensors cannot store"};
        contiguous.push_back(tensor.contiguous());
        const uint64_t bytes = static_cast<uint64_t>(tensor.numel()) * known->size;
        header[name] = {{"dtype", known->name},
                        {"shape", tensor.sizes().vec()},
                        {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');  // keep the data 8-byte aligned
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    unsigned char lengthBytes[8];
    for (int i = 0; i < 8; ++i) lengthBytes[i] = static_cast<unsigned char>(text.size() >> (8 * i));
    out.write(reinterpret_cast<const char*>(lengthBytes), 8);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    for (const at::Tensor& tensor : contiguous)
        out.write(static_cast<const char*>(tensor.data_ptr()),
                  static_cast<std::streamsize>(tensor.numel() * tensor.element_size()));
    out.close();
    if (!out) return Error{path + ": cannot write"};
    return success();
}

}  // namespace mtrec::model
