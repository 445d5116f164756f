#pragma once

#include <stdexcept>
#include <vector>

#include "data/retrieval_suite.h"
#include "eval/scorer.h"

namespace mtrec::eval::test {

/// A scorer whose scores are given: rows[x][q] holds query q of language x's scores against every
/// candidate of the suite, languages concatenated in suite order. Pool independence is switchable
/// so both engine paths can be compared.
class ScriptedScorer : public Scorer {
public:
    ScriptedScorer(const data::RetrievalSuite& suite,
                   std::vector<std::vector<std::vector<float>>> rows, bool independent)
        : suite_(suite), rows_(std::move(rows)), independent_(independent) {}

    std::string name() const override { return "scripted"; }
    bool poolIndependent() const override { return independent_; }

    void score(const ScoreBlock& block, float* out) override {
        ++calls;
        std::vector<std::size_t> offsets;
        std::size_t total = 0;
        for (const auto& language : suite_.languages) {
            offsets.push_back(total);
            total += language.candidates.size();
        }
        for (std::size_t q = block.firstQuery; q < block.endQuery; ++q) {
            const std::vector<float>& row = rows_.at(block.queryLanguage).at(q);
            if (row.size() != total) throw std::logic_error("ScriptedScorer: row size");
            for (std::size_t language : block.poolLanguages)
                for (std::size_t c = 0; c < suite_.languages[language].candidates.size(); ++c)
                    *out++ = row[offsets[language] + c];
        }
    }

    int calls = 0;

private:
    const data::RetrievalSuite& suite_;
    std::vector<std::vector<std::vector<float>>> rows_;
    bool independent_;
};

}  // namespace mtrec::eval::test
