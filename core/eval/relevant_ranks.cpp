#include "eval/relevant_ranks.h"

#include <algorithm>
#include <numeric>

#include "common/cpu_clones.h"

namespace mtrec::eval {

std::vector<std::int32_t> docnoOrder(const std::vector<const std::string*>& docnos) {
    std::vector<std::int32_t> byDocno(docnos.size());
    std::iota(byDocno.begin(), byDocno.end(), 0);
    std::sort(byDocno.begin(), byDocno.end(),
              [&](std::int32_t a, std::int32_t b) { return *docnos[a] < *docnos[b]; });
    std::vector<std::int32_t> order(docnos.size());
    for (std::size_t position = 0; position < byDocno.size(); ++position)
        order[byDocno[position]] = static_cast<std::int32_t>(position);
    return order;
}

MTREC_CPU_CLONES AheadCount countAhead(const float* scores, const std::int32_t* order,
                                       std::size_t columns, float s, std::int32_t o) {
    // Compiled with -O3 (see sources.cmake) so this loop is vectorised: 32-bit lanes throughout.
    std::int32_t ahead = 0;
    std::int32_t equal = 0;
    for (std::size_t j = 0; j < columns; ++j) {
        const bool same = scores[j] == s;
        ahead += static_cast<std::int32_t>((scores[j] > s) | (same & (order[j] > o)));
        equal += static_cast<std::int32_t>(same);
    }
    return {static_cast<std::size_t>(ahead), static_cast<std::size_t>(equal)};
}

ColumnRank rankAndTiesOfColumn(const float* scores, const std::int32_t* order, std::size_t columns,
                               std::size_t column) {
    // The column itself counts in `equal`, unless its score is NaN.
    const AheadCount count = countAhead(scores, order, columns, scores[column], order[column]);
    return {count.ahead + 1, count.equal > 0 ? count.equal - 1 : 0};
}

std::size_t rankOfColumn(const float* scores, const std::int32_t* order, std::size_t columns,
                         std::size_t column) {
    return rankAndTiesOfColumn(scores, order, columns, column).rank;
}

std::vector<std::uint32_t> topColumns(const float* scores, const std::int32_t* order,
                                      std::size_t columns, std::size_t depth) {
    std::vector<std::uint32_t> ranking(columns);
    std::iota(ranking.begin(), ranking.end(), 0u);
    const auto better = [&](std::uint32_t a, std::uint32_t b) {
        if (scores[a] != scores[b]) return scores[a] > scores[b];
        return order[a] > order[b];
    };
    if (depth == 0 || depth >= columns) {
        std::sort(ranking.begin(), ranking.end(), better);
    } else {
        std::partial_sort(ranking.begin(), ranking.begin() + static_cast<std::ptrdiff_t>(depth),
                          ranking.end(), better);
        ranking.resize(depth);
    }
    return ranking;
}

}  // namespace mtrec::eval
