#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "data/retrieval_suite.h"
#include "eval/bm25_index.h"
#include "eval/scorer.h"

namespace mtrec::eval {

/// The lexical baseline: every text analysed with its language's TextAnalyzer, BM25 (bm25_index.h)
/// with the statistics of the pool being searched, so Mo/Cr pools use one language's statistics and
/// Mul the union's. Texts are analysed once at creation; the index of each pool is built on first
/// use and kept. Keeps a reference to the suite, which must outlive the scorer. score()
/// parallelises over query rows; rows do not depend on the thread count.
class Bm25Scorer final : public Scorer {
public:
    /// Analyses every candidate and query of the suite on up to `threads` threads.
    static Result<std::unique_ptr<Bm25Scorer>> create(const data::RetrievalSuite& suite,
                                                      const Bm25Parameters& parameters = {},
                                                      int threads = 1);
    ~Bm25Scorer() override;

    std::string name() const override { return "bm25"; }
    void score(const ScoreBlock& block, float* out) override;

    /// Distinct terms over every candidate of the suite.
    std::size_t vocabularySize() const;

private:
    struct Impl;
    explicit Bm25Scorer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace mtrec::eval
