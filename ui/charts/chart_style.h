#pragma once

#include <QFont>

class QCPAxis;
class QCustomPlot;

namespace mtrec::ui {

/// Tick labels at 1.1× and axis labels at 1.15× the plot's font, so exported figures stay readable.
void styleAxis(QCPAxis* axis);
/// styleAxis() on every axis of every axis rect and colour scale of `plot`.
void styleAxes(QCustomPlot* plot);
/// The bold, 1.25× font of chart titles.
QFont titleFont(const QCustomPlot* plot);

}  // namespace mtrec::ui
