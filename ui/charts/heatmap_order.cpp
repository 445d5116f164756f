#include "charts/heatmap_order.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace mtrec::ui {
namespace {

int seenCount(const QStringList& labels, const QStringList& seen) {
    return int(std::count_if(labels.begin(), labels.end(),
                             [&](const QString& label) { return seen.contains(label); }));
}

QStringList permuted(const QStringList& labels, const std::vector<int>& order) {
    QStringList out;
    for (int i : order) out.append(labels.at(i));
    return out;
}

}  // namespace

std::vector<int> seenFirstOrder(const QStringList& labels, const QStringList& seen) {
    std::vector<int> order(std::size_t(labels.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_partition(order.begin(), order.end(),
                          [&](int i) { return seen.contains(labels.at(i)); });
    return order;
}

HeatmapData orderSeenFirst(HeatmapData data, const QStringList& seen) {
    const int seenRows = seenCount(data.rowLabels, seen);
    const int seenColumns = seenCount(data.columnLabels, seen);
    const bool split = seenRows == seenColumns && seenRows > 0 && seenRows < data.rowCount() &&
                       seenColumns < data.columnLabels.size();
    if (!split) {
        data.splitIndex = -1;
        return data;
    }
    const std::vector<int> rows = seenFirstOrder(data.rowLabels, seen);
    std::vector<int> columns = seenFirstOrder(data.columnLabels, seen);
    HeatmapData ordered = data;
    ordered.rowLabels = permuted(data.rowLabels, rows);
    ordered.columnLabels = permuted(data.columnLabels, columns);
    ordered.resetCells();
    if (data.hasMulColumn) columns.push_back(int(data.columnLabels.size()));
    const HeatmapData& source = data;
    for (int r = 0; r < ordered.rowCount(); ++r)
        for (int c = 0; c < ordered.columnCount(); ++c)
            ordered.cell(r, c) = source.cell(rows[std::size_t(r)], columns[std::size_t(c)]);
    ordered.splitIndex = seenRows;
    return ordered;
}

}  // namespace mtrec::ui
