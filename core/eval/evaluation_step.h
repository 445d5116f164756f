#pragma once

#include <cstddef>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "data/retrieval_suite.h"
#include "eval/candidate_pool.h"
#include "eval/relevant_ranks.h"
#include "eval/scorer.h"
#include "eval/suite_evaluation.h"
#include "eval/trec_export.h"

namespace mtrec::eval {

inline constexpr std::size_t kMulPool = std::numeric_limits<std::size_t>::max();

/// What ranking one pair query against one pool gave.
struct QueryOutcome {
    MetricValues values{};
    /// Mul targets only: per suite language, the Mul rank of the query's best-ranked relevant
    /// candidate in that language, 0 where it has none.
    std::vector<std::size_t> bestRank;
    /// Some relevant candidate's score equals another candidate's score exactly, so its rank
    /// depends on how docnos sort (trec_eval's tie break), not on the scorer.
    bool tiedRelevant = false;
};

/// One cell (query language x pool) ranked inside a scored block: the pool's columns are the
/// block's columns [offset, offset + pool->size()). Mo/Cr pools are one language; the Mul pool is
/// all of them.
struct RankedTarget {
    Setting setting = Setting::Mo;
    std::size_t candidateLanguage = kMulPool;  ///< Suite index, or kMulPool.
    const CandidatePool* pool = nullptr;       ///< Not owned.
    std::size_t offset = 0;
    std::vector<std::vector<PoolJudgment>> judged;  ///< Per query of the query language.
    std::vector<QueryOutcome> outcomes;             ///< Per query; set for pair queries by runStep.
};

/// A score block reused from step to step, so large pools are not re-allocated (and page-faulted
/// in) for every step. Its contents are left uninitialised; scorers overwrite every value.
class ScoreBuffer {
public:
    float* reserve(std::size_t values) {
        if (values > capacity_) {
            data_.reset(new float[values]);
            capacity_ = values;
        }
        return data_.get();
    }

private:
    std::unique_ptr<float[]> data_;
    std::size_t capacity_ = 0;
};

struct StepContext {
    const data::RetrievalSuite& suite;
    Scorer& scorer;
    const EvaluationOptions& options;
    EvaluationTimings& timings;
    ScoreBuffer& buffer;
};

/// Scores the queries of `queryLanguage` against `scored` one chunk of rows at a time, ranks the
/// relevant candidates of every target in it (in parallel over rows) and, when the options ask,
/// writes each target's TREC qrels and run. Fails only when an export file cannot be written.
Status runStep(const StepContext& context, std::size_t queryLanguage, const CandidatePool& scored,
               std::vector<RankedTarget>& targets);

/// The metrics (and, for Mul, the best rank per language and the tie flag) of one pair query from
/// the rank and ties of each of its relevant judgments (grade >= 1), in the order of `judged`.
QueryOutcome outcomeFromRanks(const std::vector<PoolJudgment>& judged,
                              const std::vector<ColumnRank>& relevantRanks, Setting setting,
                              std::size_t languageCount);

/// Whether any target has a pair query among queries [first, end).
bool anyPairQuery(const std::vector<RankedTarget>& targets, std::size_t first, std::size_t end);

/// With options.trecExportDir: writes each target's qrels and opens its run file, one stream per
/// target in order (none without). Timed as export.
Result<std::vector<TrecRunStream>> openTrecExports(const StepContext& context,
                                                   std::size_t queryLanguage,
                                                   const std::vector<RankedTarget>& targets);
/// Closes the streams openTrecExports opened; reports the first write error. Timed as export.
Status closeTrecExports(const StepContext& context, std::vector<TrecRunStream>& streams);

}  // namespace mtrec::eval
