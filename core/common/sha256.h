#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mtrec {

/// SHA-256 (FIPS 180-4) of a byte stream fed in pieces: names content by what it holds (a cached
/// tokenizer by its training texts and options). Not meant to resist anything but accidents.
class Sha256 {
public:
    Sha256();
    /// Appends bytes to the message.
    Sha256& update(std::string_view bytes);
    /// Appends `value` and a NUL, so fields fed one after another cannot run together ("1", "23"
    /// differs from "12", "3").
    Sha256& updateField(std::string_view value);
    /// The digest as 64 lowercase hex digits. Ends the message: call once.
    std::string hexDigest();

private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;  ///< message bytes so far
};

/// The SHA-256 of `bytes` as 64 lowercase hex digits.
std::string sha256Hex(std::string_view bytes);

}  // namespace mtrec
