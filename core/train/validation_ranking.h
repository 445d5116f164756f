#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "data/pair_pool.h"

namespace mtrec::model {
class EncoderImpl;
}
namespace mtrec::text {
class BatchEncoder;
}

namespace mtrec::train {

/// Held-out retrieval on the validation pairs: what checkpoint selection can go by when the
/// validation loss does not track cross-lingual retrieval (docs/results.md, the learning curve).
///
/// The candidates of a language are the distinct passages of every validation pair with that
/// passage language; a passage is relevant to a query when a validation pair of the query's group
/// has it in that language. Each cross-lingual pool (X, Y != X) asks each of its queries once
/// against all candidates of Y; its reciprocal rank is 1 / (1 + the non-relevant candidates
/// scoring strictly above the best relevant one). crossMrr() is the mean over the cross-lingual
/// language pairs of their mean reciprocal rank (every pair counts alike, as Cr mAP averages
/// them). Copies the texts it needs: the pool need not outlive it.
class ValidationRanking {
public:
    explicit ValidationRanking(const data::PairPool& pool);

    /// Whether there is a cross-lingual query to rank (crossMrr() needs one).
    bool empty() const { return crossPairs_.empty(); }
    std::size_t crossLanguagePairs() const { return crossPairs_.size(); }
    std::size_t crossQueries() const;

    /// Embeds the queries and candidates with `encoder` (eval mode, no gradients; the encoder's
    /// training flag is restored) and returns the cross-lingual MRR in [0, 1]. Throws
    /// std::logic_error when empty().
    double crossMrr(model::EncoderImpl& encoder, const text::BatchEncoder& batchEncoder) const;

    /// The same from given embeddings: queries.at(X) row i embeds queryTexts(X)[i] and
    /// candidates.at(Y) row j embeds candidateTexts(Y)[j], for every language a cross-lingual pool
    /// asks or answers in (float32, one row per text; scores are inner products).
    double crossMrr(const std::map<std::string, at::Tensor>& queries,
                    const std::map<std::string, at::Tensor>& candidates) const;

    /// The distinct texts of a language in row order (empty for a language it does not hold).
    const std::vector<std::string>& queryTexts(const std::string& language) const;
    const std::vector<std::string>& candidateTexts(const std::string& language) const;

private:
    /// A query of one cross-lingual pool: its row among its language's queries, and the rows of
    /// its relevant candidates among the passage language's candidates.
    struct Query {
        std::size_t row = 0;
        std::vector<std::size_t> relevant;
    };
    struct LanguagePairQueries {
        std::string queryLang;
        std::string passageLang;
        std::vector<Query> queries;
    };
    /// Distinct texts of one language and their rows, in first-seen order.
    struct TextRows {
        std::vector<std::string> texts;
        std::map<std::string, std::size_t> rows;
        std::size_t rowOf(const std::string& text);
    };

    std::map<std::string, TextRows> queryTexts_;      // by query language
    std::map<std::string, TextRows> candidateTexts_;  // by passage language
    std::vector<LanguagePairQueries> crossPairs_;
};

}  // namespace mtrec::train
