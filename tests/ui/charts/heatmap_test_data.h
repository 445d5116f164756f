#pragma once

#include <cmath>

#include "charts/heatmap_data.h"

namespace mtrec::ui::testdata {

/// A known 3 × 3 + Mul mAP matrix: en, de seen; th unseen (split at 2); de → th missing; marks on
/// en → de and th → de. Rows:
///   en: 0.30  0.02  0.01 | 0.025
///   de: 0.03  0.28  NaN  | 0.02
///   th: 0.01  0.04  0.25 | 0.03
inline HeatmapData mapMatrix() {
    HeatmapData data;
    data.title = QStringLiteral("mAP, XQuAD-R, run #12");
    data.colorBarLabel = QStringLiteral("mAP");
    data.valueName = QStringLiteral("mAP");
    data.rowLabels = QStringList{QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("th")};
    data.columnLabels = data.rowLabels;
    data.hasMulColumn = true;
    data.splitIndex = 2;
    data.resetCells();
    const double values[3][4] = {
        {0.30, 0.02, 0.01, 0.025}, {0.03, 0.28, std::nan(""), 0.02}, {0.01, 0.04, 0.25, 0.03}};
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 4; ++c) {
            data.cell(r, c).value = values[r][c];
            data.cell(r, c).queryCount = std::isnan(values[r][c]) ? 0 : 1190;
        }
    }
    data.cell(0, 1).mark = QStringLiteral("*");
    data.cell(2, 1).mark = QStringLiteral("*");
    return data;
}

/// The same shape as an A − B delta matrix with values in −0.2 .. 0.05.
inline HeatmapData deltaMatrix() {
    HeatmapData data = mapMatrix();
    data.title = QStringLiteral("mAP, hybrid − multitask");
    data.scale = HeatmapScale::DivergingSymmetric;
    data.nameA = QStringLiteral("hybrid #12");
    data.nameB = QStringLiteral("multitask #13");
    data.correction = QStringLiteral("Holm");
    const double deltas[3][4] = {
        {-0.2, 0.01, 0.0, 0.005}, {0.05, -0.1, std::nan(""), 0.0}, {0.0, 0.02, -0.05, 0.01}};
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 4; ++c) {
            HeatmapCell& cell = data.cell(r, c);
            if (std::isnan(deltas[r][c])) continue;
            cell.valueB = 0.25;
            cell.valueA = 0.25 + deltas[r][c];
            cell.value = deltas[r][c];
            cell.pRaw = 0.004;
            cell.pCorrected = 0.048;
        }
    }
    return data;
}

}  // namespace mtrec::ui::testdata
