#include "store/language_grid.h"

#include <algorithm>
#include <set>

namespace mtrec::store {

GridLayout GridLayout::of(const std::vector<CellKey>& keys) {
    std::set<std::string> languages;
    for (const CellKey& key : keys) {
        if (key.queryLang == kAllLanguages) continue;
        languages.insert(key.queryLang);
        if (key.candLang != kAllLanguages) languages.insert(key.candLang);
    }
    GridLayout layout{{languages.begin(), languages.end()}, {languages.begin(), languages.end()}};
    layout.columns.push_back(kMulColumn);
    return layout;
}

std::optional<std::size_t> GridLayout::indexOf(const CellKey& key) const {
    if (key.queryLang == kAllLanguages) return std::nullopt;
    const auto row = std::lower_bound(rows.begin(), rows.end(), key.queryLang);
    if (row == rows.end() || *row != key.queryLang) return std::nullopt;
    std::size_t column = columns.size() - 1;  // Mul
    if (key.candLang != kAllLanguages) {
        const auto end = columns.end() - 1;
        const auto found = std::lower_bound(columns.begin(), end, key.candLang);
        if (found == end || *found != key.candLang) return std::nullopt;
        column = static_cast<std::size_t>(found - columns.begin());
    }
    return static_cast<std::size_t>(row - rows.begin()) * columns.size() + column;
}

}  // namespace mtrec::store
