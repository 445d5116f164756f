#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mtrec::eval {

struct Bm25Parameters {
    double k1 = 0.9;  ///< Anserini's defaults.
    double b = 0.4;
};

/// A query term with its weight (the number of times it occurs in the query, as Anserini's
/// bag-of-words query boosts repeated terms).
struct WeightedTerm {
    std::uint32_t term = 0;
    float weight = 1.0f;
};

/// An inverted index over one candidate pool with BM25 weights precomputed per posting, Lucene 8+
/// style: idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5)) and
/// w(t, d) = idf(t) * tf / (tf + k1 * (1 - b + b * |d| / avgdl)), where N is the number of pool
/// documents with at least one token, df and avgdl are the pool's, and |d| counts tokens (lengths
/// are exact, not Lucene's one-byte norms). Immutable once built, so shared freely between threads.
class Bm25Index {
public:
    /// `documents[i]` holds the term ids of pool column i; term ids are < vocabularySize.
    Bm25Index(const std::vector<const std::vector<std::uint32_t>*>& documents,
              std::size_t vocabularySize, const Bm25Parameters& parameters);

    std::size_t documentCount() const { return documentCount_; }

    /// Writes the BM25 score of the query (sum over its terms of weight * w(t, d)) to scores[0,
    /// size()). Terms are added in the order given, so equal queries give bit-identical rows.
    void score(const std::vector<WeightedTerm>& query, float* scores) const;

private:
    std::size_t documentCount_ = 0;
    std::vector<std::uint32_t> termStart_;  // CSR offsets into the postings, vocabularySize + 1
    std::vector<std::uint32_t> postingDocument_;
    std::vector<float> postingWeight_;
};

}  // namespace mtrec::eval
