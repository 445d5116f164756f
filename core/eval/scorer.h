#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace mtrec::eval {

/// A block of queries to score against a candidate pool. Language indices refer to the suite the
/// scorer was built for. The pool is the candidates of `poolLanguages` concatenated in that order
/// (one language for Mo/Cr, every language for Mul); column j of the output is the j-th candidate
/// of that concatenation.
struct ScoreBlock {
    std::size_t queryLanguage = 0;
    std::size_t firstQuery = 0;  ///< Rows [firstQuery, endQuery) of that language's queries.
    std::size_t endQuery = 0;
    std::vector<std::size_t> poolLanguages;
    int threads = 1;  ///< Most threads the scorer may use for this block.
};

/// Scores queries against candidates; higher is better. Implementations hold (or reference) what
/// they need of the suite and may cache per-pool structures; evaluateSuite calls score() from one
/// thread at a time, and the scorer may parallelise inside a call up to block.threads. Results must
/// not depend on the thread count or on how rows are split into blocks.
class Scorer {
public:
    virtual ~Scorer() = default;

    /// Short run id written into TREC runs, e.g. "bm25" or "dense".
    virtual std::string name() const = 0;

    /// Writes (endQuery - firstQuery) x poolSize scores, row-major, to `out`. A block outside the
    /// suite is a programming error and throws std::out_of_range.
    virtual void score(const ScoreBlock& block, float* out) = 0;

    /// True when a candidate's score does not depend on which other candidates are in the pool
    /// (dense scorers; not BM25, whose statistics are the pool's). evaluateSuite then scores each
    /// query language once against every language's candidates and ranks Mo/Cr within column
    /// ranges.
    virtual bool poolIndependent() const { return false; }

    /// True when the scorer implements scoreColumns and a (query, candidate) score is the same
    /// value, bit for bit, however the columns are listed or grouped and whatever the thread count.
    /// evaluateSuite then searches large pools column chunk by column chunk (bounded_step.h).
    virtual bool scoresColumns() const { return false; }

    /// Writes (endQuery - firstQuery) x count scores, row-major: the block's rows against the pool
    /// columns listed in `columns` (any order; a contiguous chunk or a gather of single columns).
    virtual void scoreColumns(const ScoreBlock& /*block*/, const std::uint32_t* /*columns*/,
                              std::size_t /*count*/, float* /*out*/) {
        throw std::logic_error(name() + " does not score column chunks");
    }
};

}  // namespace mtrec::eval
