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

/// Exact (exhaustive) dense retrieval: score = query vector . candidate vector, computed with ATen
/// matrix products one block of query rows at a time (oneDNN's GEMM where ATen has it, since
/// Debian's ATen otherwise falls back to the reference BLAS). Vectors are used as given:
/// L2-normalise them for cosine similarity. Scores do not depend on the pool, so evaluateSuite
/// scores each query language once against all candidates. score() sets ATen's intra-op thread
/// count to block.threads. scoreColumns() (large pools, searched in bounded memory) computes every
/// score with eval::innerProducts' fixed-order kernel instead, so a score is the same float in
/// whichever column chunk it is computed; it can differ from score()'s GEMM in the last bits.
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
