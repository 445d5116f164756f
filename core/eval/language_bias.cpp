#include "eval/language_bias.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace mtrec::eval {

namespace {
constexpr std::size_t kTopCutoff = 10;
}

LanguageBiasAccumulator::LanguageBiasAccumulator(std::vector<std::string> languages)
    : languages_(std::move(languages)),
      cells_(languages_.size(), std::vector<Cell>(languages_.size())),
      distanceSum_(languages_.size(), 0.0),
      distanceCount_(languages_.size(), 0) {}

std::optional<double> LanguageBiasAccumulator::addQuery(std::size_t queryLanguage,
                                                        const std::vector<std::size_t>& bestRank) {
    if (queryLanguage >= languages_.size() || bestRank.size() != languages_.size())
        throw std::invalid_argument("LanguageBiasAccumulator::addQuery: language count mismatch");
    std::size_t ranked = 0;
    std::size_t lowest = std::numeric_limits<std::size_t>::max();
    std::size_t highest = 0;
    for (std::size_t y = 0; y < bestRank.size(); ++y) {
        const std::size_t rank = bestRank[y];
        if (rank == 0) continue;
        Cell& cell = cells_[queryLanguage][y];
        cell.rankSum += static_cast<double>(rank);
        ++cell.queries;
        if (rank <= kTopCutoff) ++cell.inTop10;
        ++ranked;
        lowest = std::min(lowest, rank);
        highest = std::max(highest, rank);
    }
    if (ranked < 2) return std::nullopt;
    const double distance = static_cast<double>(highest - lowest);
    distanceSum_[queryLanguage] += distance;
    ++distanceCount_[queryLanguage];
    return distance;
}

LanguageBias LanguageBiasAccumulator::result() const {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::size_t n = languages_.size();
    LanguageBias bias;
    bias.languages = languages_;
    bias.meanRank.assign(n, std::vector<double>(n, nan));
    bias.top10Share.assign(n, std::vector<double>(n, nan));
    bias.rankDistance.assign(n, nan);
    bias.rankDistanceQueries = distanceCount_;
    double distanceSum = 0.0;
    std::size_t distanceLanguages = 0;
    for (std::size_t x = 0; x < n; ++x) {
        for (std::size_t y = 0; y < n; ++y) {
            const Cell& cell = cells_[x][y];
            if (cell.queries == 0) continue;
            const double count = static_cast<double>(cell.queries);
            bias.meanRank[x][y] = cell.rankSum / count;
            bias.top10Share[x][y] = static_cast<double>(cell.inTop10) / count;
        }
        if (distanceCount_[x] == 0) continue;
        bias.rankDistance[x] = distanceSum_[x] / static_cast<double>(distanceCount_[x]);
        distanceSum += bias.rankDistance[x];
        ++distanceLanguages;
    }
    bias.meanRankDistance =
        distanceLanguages ? distanceSum / static_cast<double>(distanceLanguages) : 0.0;
    return bias;
}

}  // namespace mtrec::eval
