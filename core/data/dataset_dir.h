#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"

namespace mtrec::data {

/// Maps a file name in a benchmark folder to its language code, or nullopt when the file is not one
/// of the benchmark's (e.g. "de.json" -> "de" for XQuAD-R).
using LanguageOfFile = std::function<std::optional<std::string>(const std::string& fileName)>;

/// `fileName` without its ending `suffix` (e.g. "de.json" -> "de"); nullopt when it does not end
/// in `suffix` or nothing comes before it.
std::optional<std::string> withoutSuffix(const std::string& fileName, const std::string& suffix);

/// The languages a reader should load: `requested` when it is not empty (after checking it names no
/// language twice), else every language found in `dir` by `languageOf`, sorted by code. Errors: the
/// folder is missing, a language is requested twice, or nothing matching `pattern` (words for the
/// message, e.g. "<lang>.json") is found.
Result<std::vector<std::string>> chooseLanguages(const std::string& dir,
                                                 const std::vector<std::string>& requested,
                                                 const LanguageOfFile& languageOf,
                                                 const std::string& pattern);

}  // namespace mtrec::data
