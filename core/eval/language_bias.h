#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "eval/suite_evaluation.h"

namespace mtrec::eval {

/// Collects, query by query, where each language's relevant candidate lands in Mul rankings and
/// turns that into LanguageBias (the paper's rank distance and the bias matrices). Not thread-safe;
/// feed it from one thread, in a fixed order, for deterministic sums.
class LanguageBiasAccumulator {
public:
    explicit LanguageBiasAccumulator(std::vector<std::string> languages);

    /// Adds one Mul query of suite language `queryLanguage`. bestRank[y] is the 1-based Mul rank of
    /// its best-ranked relevant candidate in language y, or 0 when it has none there. Returns the
    /// query's rank distance (max - min over the languages with a rank) when >= 2 languages have
    /// one.
    std::optional<double> addQuery(std::size_t queryLanguage,
                                   const std::vector<std::size_t>& bestRank);

    LanguageBias result() const;

private:
    struct Cell {
        double rankSum = 0.0;
        std::size_t queries = 0;
        std::size_t inTop10 = 0;
    };
    std::vector<std::string> languages_;
    std::vector<std::vector<Cell>> cells_;    // [x][y]
    std::vector<double> distanceSum_;         // per query language
    std::vector<std::size_t> distanceCount_;  // per query language
};

}  // namespace mtrec::eval
