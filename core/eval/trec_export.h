#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "data/retrieval_suite.h"
#include "eval/candidate_pool.h"
#include "eval/top_k.h"

namespace mtrec::eval {

/// "<dir>/<queryLanguage>-<poolName>.<extension>", poolName being a language code or "all".
std::string trecExportPath(const std::string& dir, const std::string& queryLanguage,
                           const std::string& poolName, const std::string& extension);

/// Writes the qrels of one (query language, pool) pair: every in-pool judgment of every pair query,
/// via data::writeTrecQrels. `judged` comes from CandidatePool::judgmentsOf for the same pool.
Status writePoolQrels(const std::string& path, const data::LanguageData& queries,
                      const CandidatePool& pool,
                      const std::vector<std::vector<PoolJudgment>>& judged);

/// A run file written query by query, so a whole-ranking export of a 13k-candidate pool never sits
/// in memory. Lines are exactly data::writeTrecRun's ("qid Q0 docno rank score runId", score as
/// double with %.9g, which keeps float scores' order). Not thread-safe; one writer per file.
class TrecRunStream {
public:
    static Result<TrecRunStream> open(const std::string& path, std::string runId);

    /// Appends one query's ranking: `columns` best first, scores read from the query's pool row.
    Status append(const std::string& qid, const std::vector<std::uint32_t>& columns,
                  const float* scores, const CandidatePool& pool);
    /// Appends one query's ranking given as columns with their scores, best first (TopK::take).
    Status append(const std::string& qid, const std::vector<ScoredColumn>& ranked,
                  const CandidatePool& pool);
    /// Flushes and closes; reports a write error (disk full) that earlier appends could not see.
    Status close();

private:
    // Appends one run line to `lines`; fails on a docno that is empty or holds whitespace.
    Status formatLine(std::string& lines, const std::string& qid, const std::string& docno,
                      std::size_t rank, float score) const;
    Status write(const std::string& lines);

    struct FileCloser {
        void operator()(std::FILE* file) const;
    };
    std::string path_;
    std::string runId_;
    std::unique_ptr<std::FILE, FileCloser> file_;
};

}  // namespace mtrec::eval
