#pragma once

#include <cstddef>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace mtrec {

/// Reads a text file line by line and counts lines from 1, so parsers can name "file:line" in
/// errors. A trailing '\r' (CRLF files) is removed from each line. The view returned by next() is
/// valid until the following call. Not thread-safe; one reader per file.
class LineReader {
public:
    /// Opens `path`; a missing or unreadable file is an Error naming it.
    static Result<LineReader> open(const std::string& path);

    /// Moves to the next line; false at end of file.
    bool next(std::string_view& line);

    /// 1-based number of the line last returned by next(); 0 before the first call.
    std::size_t lineNumber() const { return lineNumber_; }
    const std::string& path() const { return path_; }
    /// "path:line" of the line last returned, for error messages.
    std::string where() const { return path_ + ":" + std::to_string(lineNumber_); }

private:
    explicit LineReader(std::string path);

    std::string path_;
    std::ifstream in_;
    std::string buffer_;
    std::size_t lineNumber_ = 0;
};

/// Splits `line` at runs of spaces and tabs (and '\v', '\f', '\r'); no empty fields. Reuses
/// `fields`.
void splitWhitespace(std::string_view line, std::vector<std::string_view>& fields);

/// True when `text` holds only whitespace (newlines included).
bool isBlank(std::string_view line);

}  // namespace mtrec
