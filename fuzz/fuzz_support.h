#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace mtrec::fuzz {

/// The line that separates the files of one fuzz input, for targets that read several files
/// ("<file 1>\n--8<--\n<file 2>"). The seed corpora (fuzz/make_seeds.py) and the dictionaries use
/// it, so mutations keep it.
inline constexpr std::string_view kPartSeparator = "\n--8<--\n";

/// The input cut at each separator into at most `maxParts` parts (the last keeps the rest, its
/// separators included); an input without a separator is one part.
std::vector<std::string_view> splitParts(const std::uint8_t* data, std::size_t size,
                                         std::size_t maxParts);

/// A folder of its own under the temp folder for the files of one input: created at the first
/// call, emptied by every call, removed when the process exits normally. One per process (a
/// libFuzzer run is one process; -fork and -jobs start several).
const std::filesystem::path& freshScratchDir();

/// Writes `bytes` to `folder`/`name` (sub-folders created) and returns the path.
std::filesystem::path writeFile(const std::filesystem::path& folder, const std::string& name,
                                std::string_view bytes);

/// Stops the fuzzer with a report when a property of a parser's result does not hold (libFuzzer
/// saves the input as a crash).
[[noreturn]] void propertyFailed(const std::string& what);

}  // namespace mtrec::fuzz
