#pragma once

#include <string>
#include <vector>

#include "common/result.h"

namespace mtrec::train {

/// The file a checkpoint folder lists its files' SHA-256 digests and sizes in, one line each:
/// "<64 hex digits>  <size>  <name>". LibTorch's archive reader does not check its own CRCs, so a
/// flipped bit in a tensor would load silently; this file catches it, and a truncation, before
/// anything is loaded.
inline constexpr const char* kChecksumFile = "SHA256SUMS";

/// Writes kChecksumFile into `folder` over every other regular file in it. Errors name the file.
Status writeChecksums(const std::string& folder);

/// Checks every file kChecksumFile lists: present, of its recorded size, and with its recorded
/// digest. A folder without kChecksumFile (written before it existed) passes. Errors name the
/// damaged file and say what differs ("is 812 bytes, 4,096 when written: truncated").
Status verifyChecksums(const std::string& folder);

/// The checkpoint folders a resume may load, in the order to try them: the one `latest` names,
/// then the older step-N folders newest first. Empty when `latest` is missing or names no folder
/// (no checkpoint was completed: the run starts over).
std::vector<std::string> restoreCandidates(const std::string& checkpointDir);

}  // namespace mtrec::train
