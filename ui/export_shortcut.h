#pragma once

#include <QPoint>

class QMenu;
class QWidget;

namespace mtrec::ui {

/// The export menu of the chart or table `widget` belongs to: the ChartExportMenu or
/// TableExportMenu of the nearest of `widget` and its parents that carries one; nullptr when none
/// does.
QMenu* exportMenuOf(QWidget* widget);

/// Ctrl+E: pops up the export menu of the chart or table under the mouse pointer at `cursor`
/// (global), else of the focused one (at its centre). False when neither is a chart or a table.
bool popupExportMenu(const QPoint& cursor);

}  // namespace mtrec::ui
