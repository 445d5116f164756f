#pragma once

#include <cstdint>
#include <vector>

#include "data/retrieval_suite.h"
#include "eval/inner_products.h"
#include "eval/scorer.h"

namespace mtrec::eval::test {

/// A dense scorer without LibTorch for the engine's tests: queries[l] and candidates[l] hold the
/// row-major vectors (dimension floats each) of suite language l. score() is a plain loop,
/// scoreColumns() the fixed-order kernel (inner_products.h), so with small integer values both
/// give the same exact scores.
class EmbeddingScorer : public Scorer {
public:
    EmbeddingScorer(const data::RetrievalSuite& suite, std::size_t dimension,
                    std::vector<std::vector<float>> queries,
                    std::vector<std::vector<float>> candidates)
        : suite_(suite),
          dimension_(dimension),
          queries_(std::move(queries)),
          candidates_(std::move(candidates)) {}

    std::string name() const override { return "embedding"; }
    bool poolIndependent() const override { return true; }
    bool scoresColumns() const override { return true; }

    void score(const ScoreBlock& block, float* out) override {
        for (std::size_t q = block.firstQuery; q < block.endQuery; ++q)
            for (std::size_t language : block.poolLanguages)
                for (std::size_t c = 0; c < suite_.languages[language].candidates.size(); ++c) {
                    float sum = 0;
                    for (std::size_t k = 0; k < dimension_; ++k)
                        sum += query(block.queryLanguage, q)[k] *
                               candidates_[language][c * dimension_ + k];
                    *out++ = sum;
                }
    }

    void scoreColumns(const ScoreBlock& block, const std::uint32_t* columns, std::size_t count,
                      float* out) override {
        std::vector<const float*> vectors;
        for (std::size_t language : block.poolLanguages)
            for (std::size_t c = 0; c < suite_.languages[language].candidates.size(); ++c)
                vectors.push_back(&candidates_[language][c * dimension_]);
        PackedColumns packed;
        packed.pack(count, dimension_, [&](std::size_t i) { return vectors.at(columns[i]); });
        innerProducts(query(block.queryLanguage, block.firstQuery),
                      block.endQuery - block.firstQuery, packed, out, count, block.threads);
        ++columnCalls;
    }

    int columnCalls = 0;

private:
    const float* query(std::size_t language, std::size_t q) const {
        return &queries_[language][q * dimension_];
    }

    const data::RetrievalSuite& suite_;
    std::size_t dimension_;
    std::vector<std::vector<float>> queries_;
    std::vector<std::vector<float>> candidates_;
};

}  // namespace mtrec::eval::test
