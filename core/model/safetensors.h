#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <ATen/core/Tensor.h>

#include "common/result.h"

namespace mtrec::model {

/// Element types of the safetensors format this reader knows.
enum class SafetensorsDtype { F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool };

/// One tensor's header entry. Offsets are relative to the first byte after the header.
struct SafetensorsEntry {
    std::string name;
    SafetensorsDtype dtype = SafetensorsDtype::F32;
    std::vector<int64_t> shape;
    uint64_t begin = 0;
    uint64_t end = 0;
};

/// A `.safetensors` file: an 8-byte little-endian header length N, N bytes of JSON
/// {name: {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {...}}, then the raw
/// little-endian tensor bytes. open() reads and checks only the header: every dtype known, every
/// shape non-negative, every byte range inside the file, non-overlapping, and exactly
/// numel × element size long. read() then loads one tensor from disk. Errors name the file, and
/// the tensor or the JSON path. Immutable after open(); read() opens its own stream, so it may be
/// called from several threads. Little-endian hosts only.
class SafetensorsFile {
public:
    static Result<SafetensorsFile> open(const std::string& path);

    const std::string& path() const { return path_; }
    /// Entries in order of their data offsets.
    const std::vector<SafetensorsEntry>& entries() const { return entries_; }
    const std::map<std::string, std::string>& metadata() const { return metadata_; }
    /// nullptr when there is no tensor of that name.
    const SafetensorsEntry* find(const std::string& name) const;

    /// The tensor in its stored dtype (F32 → float, F16 → half, BF16 → bfloat16, I64 → long, …).
    Result<at::Tensor> read(const std::string& name) const;
    /// The tensor converted to float32 (floating dtypes only).
    Result<at::Tensor> readFloat(const std::string& name) const;

private:
    SafetensorsFile(std::string path, uint64_t dataStart)
        : path_(std::move(path)), dataStart_(dataStart) {}

    std::string path_;
    uint64_t dataStart_;  // 8 + header length
    std::vector<SafetensorsEntry> entries_;
    std::map<std::string, std::string> metadata_;
};

const char* toString(SafetensorsDtype dtype);
int64_t elementSize(SafetensorsDtype dtype);

/// Writes `tensors` (any of the dtypes above, CPU) in the safetensors format, entries in the
/// given order. Errors name the path.
Status writeSafetensors(const std::string& path,
                        const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                        const std::map<std::string, std::string>& metadata = {});

}  // namespace mtrec::model
