#include "charts/chart_style.h"

#include <qcustomplot.h>

namespace mtrec::ui {
namespace {

QFont scaled(const QFont& base, double factor) {
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * factor);
    return font;
}

}  // namespace

void styleAxis(QCPAxis* axis) {
    const QFont base = axis->parentPlot()->font();
    QFont tick = scaled(base, 1.1);
    tick.setItalic(axis->tickLabelFont().italic());
    axis->setTickLabelFont(tick);
    axis->setLabelFont(scaled(base, 1.15));
}

void styleAxes(QCustomPlot* plot) {
    for (QCPAxisRect* rect : plot->axisRects())
        for (QCPAxis* axis : rect->axes()) styleAxis(axis);
    for (QCPColorScale* scale : plot->findChildren<QCPColorScale*>()) styleAxis(scale->axis());
}

QFont titleFont(const QCustomPlot* plot) {
    QFont font = scaled(plot->font(), 1.25);
    font.setBold(true);
    return font;
}

}  // namespace mtrec::ui
