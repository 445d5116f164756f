#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "experiment/training_config.h"

namespace mtrec::ui {

/// The languages a config's training data offers, for the form's check-list, sorted: those of the
/// parallel_qa folder (data::qaLanguagesIn), of its explicit files, and the "lang" values of the
/// JSONL files (read line by line, again only when a file changes; unreadable files and lines are
/// skipped: validate reports them).
/// Relative paths resolve against `baseDir`. Reads files: call it when the sources change.
std::vector<std::string> offeredLanguages(const experiment::DataConfig& data,
                                          const std::filesystem::path& baseDir);

/// `path` against `baseDir` unless absolute or baseDir is empty (as validate() resolves).
std::filesystem::path resolvePath(const std::string& path, const std::filesystem::path& baseDir);

}  // namespace mtrec::ui
