#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "data/retrieval_suite.h"
#include "eval/scorer.h"

namespace mtrec::experiment {

/// A row-major float matrix: rows x dimension values.
struct EmbeddingMatrix {
    std::size_t rows = 0;
    std::size_t dimension = 0;
    std::vector<float> values;
};

/// The embeddings of one suite language: one row per query and per candidate, in suite order.
struct LanguageEmbeddings {
    EmbeddingMatrix queries;
    EmbeddingMatrix candidates;
};

/// Exact (exhaustive) dense retrieval: score = query vector . candidate vector. Vectors are used as
/// given: L2-normalise them for cosine similarity. Every score, in score() (a whole pool) and in
/// scoreColumns() (column chunks of large pools, searched in bounded memory), comes from
/// eval::innerProducts' fixed-order kernel, so a (query, candidate) score is the same float in any
/// block, chunk or thread count (the kernel runs at OpenBLAS sgemm's rate on this machine, faster
/// than ATen's oneDNN path it replaces: docs/performance.md). Scores do not depend on the pool, so
/// evaluateSuite scores each query language once against all candidates. Each call uses up to
/// block.threads threads of its own (not ATen's pool); score() keeps each pool it has packed (the
/// size of its embeddings) for the next call.
class DenseScorer final : public eval::Scorer {
public:
    /// `embeddings[l]` belongs to suite language l. Fails when a matrix's row count differs from
    /// the suite's, when dimensions differ or are 0, or when a matrix holds too few values.
    static Result<std::unique_ptr<DenseScorer>> create(const data::RetrievalSuite& suite,
                                                       std::vector<LanguageEmbeddings> embeddings,
                                                       std::string runId = "dense");
    ~DenseScorer() override;

    std::string name() const override;
    bool poolIndependent() const override { return true; }
    void score(const eval::ScoreBlock& block, float* out) override;
    bool scoresColumns() const override { return true; }
    void scoreColumns(const eval::ScoreBlock& block, const std::uint32_t* columns,
                      std::size_t count, float* out) override;

private:
    struct Impl;
    explicit DenseScorer(std::unique_ptr<Impl> impl);
    const EmbeddingMatrix& checkedQueries(const eval::ScoreBlock& block) const;
    std::unique_ptr<Impl> impl_;
};

}  // namespace mtrec::experiment
