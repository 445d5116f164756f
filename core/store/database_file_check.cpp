#include "store/database_file_check.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace mtrec::store {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kHeaderSize = 100;
constexpr char kMagic[] = "SQLite format 3";  // 16 bytes with its NUL

/// The big-endian unsigned integer of `bytes` bytes at `offset` of the header.
std::uint32_t bigEndian(const std::array<unsigned char, kHeaderSize>& header, std::size_t offset,
                        std::size_t bytes) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < bytes; ++i) value = (value << 8) | header[offset + i];
    return value;
}

Error damaged(const std::string& path, const std::string& why) {
    return Error{"cannot open database " + path + ": " + why + "; it was not changed"};
}

}  // namespace

Status checkDatabaseFile(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return success();
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec || size == 0) return success();
    std::array<unsigned char, kHeaderSize> header{};
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(header.data()), kHeaderSize);
    if (in.gcount() < static_cast<std::streamsize>(sizeof kMagic) ||
        std::memcmp(header.data(), kMagic, sizeof kMagic) != 0)
        return damaged(path, "it is not a database (it does not start with the SQLite header)");
    if (size < kHeaderSize)
        return damaged(path, "it is truncated (" + std::to_string(size) +
                                 " bytes, shorter than the 100-byte SQLite header)");
    const std::uint32_t field = bigEndian(header, 16, 2);
    const std::uint64_t pageSize = field == 1 ? 65536 : field;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return damaged(
            path, "its header records an impossible page size (" + std::to_string(field) + ")");
    if (size % pageSize != 0)
        return damaged(path, "it is truncated mid-page (" + std::to_string(size) +
                                 " bytes is not a whole number of " + std::to_string(pageSize) +
                                 "-byte pages)");
    // The header's page count is valid only while its change counter matches version-valid-for,
    // and is compared only while no connection is open: a checkpoint copying pages in (WAL) or a
    // commit (rollback journal) writes page 1 first and extends the file after.
    const bool idle = !fs::exists(path + "-wal", ec) && !fs::exists(path + "-journal", ec);
    const bool countValid = idle && bigEndian(header, 24, 4) == bigEndian(header, 92, 4);
    const std::uint64_t pages = bigEndian(header, 28, 4);
    if (countValid && pages > 0 && size < pages * pageSize)
        return damaged(path, "it is truncated (" + std::to_string(size / pageSize) +
                                 " pages of the " + std::to_string(pages) + " its header records)");
    return success();
}

}  // namespace mtrec::store
