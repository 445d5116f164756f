#pragma once

#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

#include "common/result.h"

namespace mtrec::report {

/// Quotes one CSV field as RFC 4180 asks: fields holding a comma, a double quote, CR or LF are enclosed
/// in double quotes and inner quotes are doubled; other fields are written as they are.
std::string csvField(const std::string& value);

/// Formats a number for CSV: integers without a decimal point, other values with up to 10 significant
/// digits, NaN as an empty field (a missing value).
std::string csvNumber(double value);

/// Writes an RFC 4180 CSV file (CRLF line ends, header row first). Not thread-safe.
class CsvWriter {
public:
    /// Opens `path` for writing and writes the header row; check status() afterwards.
    CsvWriter(const std::string& path, const std::vector<std::string>& header);

    void row(const std::vector<std::string>& fields);
    void row(std::initializer_list<std::string> fields) { row(std::vector<std::string>(fields)); }

    /// Flushes and reports the first error met while opening or writing, naming the file.
    Status finish();

private:
    std::string path_;
    std::ofstream out_;
    std::size_t columns_;
};

}  // namespace mtrec::report
