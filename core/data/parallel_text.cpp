#include "data/parallel_text.h"

#include <filesystem>
#include <vector>

#include "common/line_reader.h"
#include "common/utf8.h"

namespace mtrec::data {
namespace {

Result<std::vector<std::string>> readLines(const std::string& path) {
    Result<LineReader> opened = LineReader::open(path);
    if (!opened) return opened.error();
    LineReader& reader = opened.value();
    std::vector<std::string> lines;
    std::string_view line;
    while (reader.next(line)) {
        if (const auto bad = findInvalidUtf8(line))
            return Error{reader.where() + ":" + std::to_string(positionOf(line, *bad).column) +
                         ": invalid UTF-8"};
        if (isBlank(line)) return Error{reader.where() + ": empty line, expected a sentence"};
        lines.emplace_back(line);
    }
    if (lines.empty()) return Error{path + ": file is empty"};
    return lines;
}

/// The extension without its dot ("deu" for tatoeba.deu-eng.deu), or an Error.
Result<std::string> languageOf(const std::string& given, const std::string& path) {
    if (!given.empty()) return given;
    const std::string extension = std::filesystem::path(path).extension().string();
    if (extension.size() < 2)
        return Error{path +
                     ": cannot tell the language from the file name (no extension); "
                     "give it explicitly"};
    return extension.substr(1);
}

}  // namespace

Result<PairPool> readParallelText(const ParallelTextFiles& files) {
    Result<std::string> queryLang = languageOf(files.queryLang, files.queryFile);
    if (!queryLang) return queryLang.error();
    Result<std::string> passageLang = languageOf(files.passageLang, files.passageFile);
    if (!passageLang) return passageLang.error();
    Result<std::vector<std::string>> queries = readLines(files.queryFile);
    if (!queries) return queries.error();
    Result<std::vector<std::string>> passages = readLines(files.passageFile);
    if (!passages) return passages.error();
    if (queries.value().size() != passages.value().size())
        return Error{files.queryFile + " has " + std::to_string(queries.value().size()) +
                     " lines but " + files.passageFile + " has " +
                     std::to_string(passages.value().size()) + "; parallel files must match"};
    const std::string stem = std::filesystem::path(files.queryFile).stem().string();
    PairPool pool;
    for (std::size_t i = 0; i < queries.value().size(); ++i)
        pool.add(TrainingPair{stem + ":" + std::to_string(i + 1), queryLang.value(),
                              passageLang.value(), std::move(queries.value()[i]),
                              std::move(passages.value()[i]), std::nullopt});
    return pool;
}

}  // namespace mtrec::data
