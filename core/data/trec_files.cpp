#include "data/trec_files.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>
#include <numeric>
#include <string_view>
#include <vector>

#include "common/line_reader.h"

namespace mtrec::data {
namespace {

bool parseInt(std::string_view text, int& value) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

bool parseScore(std::string_view text, double& value) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() && !text.empty() &&
           !std::isnan(value);
}

std::string fieldCountError(const LineReader& reader, std::size_t got, std::size_t want,
                            const char* layout) {
    return reader.where() + ": expected " + std::to_string(want) + " fields (" + layout +
           "), found " + std::to_string(got);
}

/// Line numbers of one query's run entries, parallel to TrecRun's vectors, for the duplicate check.
using RunLines = std::map<std::string, std::vector<std::size_t>>;

/// trec_eval refuses a docno retrieved twice for one query; report the earliest repeat in file
/// order.
Status checkRunDuplicates(const std::string& path, const TrecRun& run, const RunLines& lines) {
    std::size_t worstLine = 0, firstLine = 0;
    std::string qid, docno;
    for (const auto& [query, queryEntries] : run) {
        // Named again: a lambda cannot capture a structured binding before C++20 (clang refuses).
        const std::vector<TrecRunEntry>& entries = queryEntries;
        const std::vector<std::size_t>& at = lines.at(query);
        std::vector<std::size_t> order(entries.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return entries[a].docno < entries[b].docno;
        });
        for (std::size_t i = 1; i < order.size(); ++i) {
            if (entries[order[i]].docno != entries[order[i - 1]].docno) continue;
            if (worstLine == 0 || at[order[i]] < worstLine) {
                worstLine = at[order[i]];
                firstLine = at[order[i - 1]];
                qid = query;
                docno = entries[order[i]].docno;
            }
        }
    }
    if (worstLine == 0) return success();
    return Error{path + ":" + std::to_string(worstLine) + ": duplicate docno " + docno +
                 " for query " + qid + " (first at line " + std::to_string(firstLine) + ")"};
}

bool hasSpace(const std::string& s) {
    return s.empty() || s.find_first_of(" \t\r\n\v\f") != std::string::npos;
}

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

Result<File> openForWriting(const std::string& path) {
    File file(std::fopen(path.c_str(), "wb"));
    if (!file) return Error{path + ": cannot open file for writing"};
    return file;
}

Status finish(const std::string& path, File file) {
    const bool failed = std::ferror(file.get()) != 0;
    if (std::fclose(file.release()) != 0 || failed) return Error{path + ": write failed"};
    return success();
}

}  // namespace

Result<TrecQrels> readTrecQrels(const std::string& path) {
    Result<LineReader> opened = LineReader::open(path);
    if (!opened) return opened.error();
    LineReader& reader = opened.value();
    TrecQrels qrels;
    std::vector<std::string_view> fields;
    std::string_view line;
    while (reader.next(line)) {
        if (isBlank(line)) continue;
        splitWhitespace(line, fields);
        if (fields.size() != 4)
            return Error{fieldCountError(reader, fields.size(), 4, "qid iter docno rel")};
        int rel = 0;
        if (!parseInt(fields[3], rel))
            return Error{reader.where() + ": relevance '" + std::string(fields[3]) +
                         "' is not an integer"};
        auto& judged = qrels[std::string(fields[0])];
        if (!judged.emplace(std::string(fields[2]), rel).second)
            return Error{reader.where() + ": docno " + std::string(fields[2]) +
                         " judged twice for query " + std::string(fields[0])};
    }
    return qrels;
}

Result<TrecRun> readTrecRun(const std::string& path) {
    Result<LineReader> opened = LineReader::open(path);
    if (!opened) return opened.error();
    LineReader& reader = opened.value();
    TrecRun run;
    RunLines lines;
    std::vector<std::string_view> fields;
    std::string_view line;
    while (reader.next(line)) {
        if (isBlank(line)) continue;
        splitWhitespace(line, fields);
        if (fields.size() != 6)
            return Error{
                fieldCountError(reader, fields.size(), 6, "qid Q0 docno rank score run_id")};
        double score = 0.0;
        if (!parseScore(fields[4], score))
            return Error{reader.where() + ": score '" + std::string(fields[4]) +
                         "' is not a number"};
        const std::string qid(fields[0]);
        run[qid].push_back(TrecRunEntry{std::string(fields[2]), score});
        lines[qid].push_back(reader.lineNumber());
    }
    if (Status unique = checkRunDuplicates(path, run, lines); !unique) return unique.error();
    return run;
}

Status writeTrecQrels(const std::string& path, const TrecQrels& qrels) {
    for (const auto& [qid, judged] : qrels)
        for (const auto& [docno, rel] : judged)
            if (hasSpace(qid) || hasSpace(docno))
                return Error{path + ": cannot write qrels: qid '" + qid + "' or docno '" + docno +
                             "' is empty or holds whitespace"};
    Result<File> file = openForWriting(path);
    if (!file) return file.error();
    for (const auto& [qid, judged] : qrels)
        for (const auto& [docno, rel] : judged)
            std::fprintf(file.value().get(), "%s 0 %s %d\n", qid.c_str(), docno.c_str(), rel);
    return finish(path, std::move(file).value());
}

Status writeTrecRun(const std::string& path, const TrecRun& run, const std::string& runId) {
    if (hasSpace(runId))
        return Error{path + ": run id '" + runId + "' is empty or holds whitespace"};
    for (const auto& [qid, entries] : run)
        for (const TrecRunEntry& entry : entries)
            if (hasSpace(qid) || hasSpace(entry.docno) || std::isnan(entry.score))
                return Error{path + ": cannot write run entry for query '" + qid + "', docno '" +
                             entry.docno + "': empty or whitespace name, or NaN score"};
    Result<File> file = openForWriting(path);
    if (!file) return file.error();
    for (const auto& [qid, entries] : run) {
        std::size_t rank = 0;
        for (const TrecRunEntry& entry : entries)
            std::fprintf(file.value().get(), "%s Q0 %s %zu %.9g %s\n", qid.c_str(),
                         entry.docno.c_str(), ++rank, entry.score, runId.c_str());
    }
    return finish(path, std::move(file).value());
}

}  // namespace mtrec::data
