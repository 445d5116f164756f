#include "eval/trec_export.h"

#include <cerrno>
#include <charconv>
#include <cstring>

#include "data/trec_files.h"

namespace mtrec::eval {

namespace {

bool isTrecName(const std::string& name) {
    if (name.empty()) return false;
    for (char c : name)
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return false;
    return true;
}

}  // namespace

std::string trecExportPath(const std::string& dir, const std::string& queryLanguage,
                           const std::string& poolName, const std::string& extension) {
    return dir + "/" + queryLanguage + "-" + poolName + "." + extension;
}

Status writePoolQrels(const std::string& path, const data::LanguageData& queries,
                      const CandidatePool& pool,
                      const std::vector<std::vector<PoolJudgment>>& judged) {
    data::TrecQrels qrels;
    for (std::size_t query = 0; query < judged.size(); ++query) {
        if (judged[query].empty()) continue;
        auto& docs = qrels[queries.queries[query].qid];
        for (const PoolJudgment& judgment : judged[query])
            docs[pool.docno(judgment.column)] = judgment.grade;
    }
    return data::writeTrecQrels(path, qrels);
}

void TrecRunStream::FileCloser::operator()(std::FILE* file) const {
    if (file) std::fclose(file);
}

Result<TrecRunStream> TrecRunStream::open(const std::string& path, std::string runId) {
    if (!isTrecName(runId))
        return Error{path + ": run id '" + runId + "' is empty or holds whitespace"};
    TrecRunStream stream;
    stream.path_ = path;
    stream.runId_ = std::move(runId);
    stream.file_.reset(std::fopen(path.c_str(), "w"));
    if (!stream.file_)
        return Error{"could not open " + path + " for writing: " + std::strerror(errno)};
    return stream;
}

Status TrecRunStream::formatLine(std::string& lines, const std::string& qid,
                                 const std::string& docno, std::size_t rank, float score) const {
    if (!isTrecName(docno))
        return Error{path_ + ": docno '" + docno + "' is empty or holds whitespace"};
    // std::to_chars with general format and precision 9 is printf's %.9g, several times faster.
    char number[64];
    lines.append(qid).append(" Q0 ").append(docno).push_back(' ');
    lines.append(number, std::to_chars(number, number + sizeof number, rank).ptr);
    lines.push_back(' ');
    lines.append(number, std::to_chars(number, number + sizeof number, static_cast<double>(score),
                                       std::chars_format::general, 9)
                             .ptr);
    lines.append(" ").append(runId_).push_back('\n');
    return success();
}

Status TrecRunStream::write(const std::string& lines) {
    if (std::fwrite(lines.data(), 1, lines.size(), file_.get()) != lines.size())
        return Error{"could not write " + path_ + ": " + std::strerror(errno)};
    return success();
}

Status TrecRunStream::append(const std::string& qid, const std::vector<std::uint32_t>& columns,
                             const float* scores, const CandidatePool& pool) {
    if (!isTrecName(qid))
        return Error{path_ + ": query id '" + qid + "' is empty or holds whitespace"};
    std::string lines;
    std::size_t rank = 0;
    for (std::uint32_t column : columns) {
        Status line = formatLine(lines, qid, pool.docno(column), ++rank, scores[column]);
        if (!line) return line;
    }
    return write(lines);
}

Status TrecRunStream::append(const std::string& qid, const std::vector<ScoredColumn>& ranked,
                             const CandidatePool& pool) {
    if (!isTrecName(qid))
        return Error{path_ + ": query id '" + qid + "' is empty or holds whitespace"};
    std::string lines;
    std::size_t rank = 0;
    for (const ScoredColumn& entry : ranked) {
        Status line = formatLine(lines, qid, pool.docno(entry.column), ++rank, entry.score);
        if (!line) return line;
    }
    return write(lines);
}

Status TrecRunStream::close() {
    std::FILE* file = file_.release();
    if (!file) return success();
    const bool failed = std::ferror(file) != 0;
    if (std::fclose(file) != 0 || failed)
        return Error{"could not write " + path_ + ": " + std::strerror(errno)};
    return success();
}

}  // namespace mtrec::eval
