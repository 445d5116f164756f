#include "common/line_reader.h"

#include <filesystem>

namespace mtrec {
namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

}  // namespace

LineReader::LineReader(std::string path) : path_(std::move(path)) {}

Result<LineReader> LineReader::open(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return Error{path + ": file not found"};
    if (std::filesystem::is_directory(path, ec))
        return Error{path + ": is a directory, not a file"};
    LineReader reader(path);
    reader.in_.open(path, std::ios::binary);
    if (!reader.in_) return Error{path + ": cannot open file for reading"};
    return reader;
}

bool LineReader::next(std::string_view& line) {
    if (!std::getline(in_, buffer_)) return false;
    ++lineNumber_;
    if (!buffer_.empty() && buffer_.back() == '\r') buffer_.pop_back();
    line = buffer_;
    return true;
}

void splitWhitespace(std::string_view line, std::vector<std::string_view>& fields) {
    fields.clear();
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && isSpace(line[i])) ++i;
        const std::size_t start = i;
        while (i < line.size() && !isSpace(line[i])) ++i;
        if (i > start) fields.push_back(line.substr(start, i - start));
    }
}

bool isBlank(std::string_view line) {
    for (char c : line)
        if (!isSpace(c)) return false;
    return true;
}

}  // namespace mtrec
