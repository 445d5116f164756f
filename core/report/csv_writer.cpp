#include "report/csv_writer.h"

#include <cmath>
#include <cstdio>

namespace mtrec::report {

std::string csvField(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string csvNumber(double value) {
    if (std::isnan(value)) return {};
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
        return buffer;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

CsvWriter::CsvWriter(const std::string& path, const std::vector<std::string>& header)
    : path_(path), out_(path, std::ios::binary | std::ios::trunc), columns_(header.size()) {
    if (out_) row(header);
}

void CsvWriter::row(const std::vector<std::string>& fields) {
    if (fields.size() != columns_)
        throw std::logic_error("CSV row for " + path_ + " has " + std::to_string(fields.size()) +
                               " fields, header has " + std::to_string(columns_));
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out_ << ',';
        out_ << csvField(fields[i]);
    }
    out_ << "\r\n";
}

Status CsvWriter::finish() {
    out_.flush();
    if (!out_) return Error{"could not write " + path_};
    return success();
}

}  // namespace mtrec::report
