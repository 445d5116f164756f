#include "charts/heatmap_controller.h"

#include <qcustomplot.h>

#include <QToolTip>
#include <algorithm>
#include <cmath>

#include "charts/chart_style.h"
#include "charts/color_scale.h"
#include "charts/heatmap_order.h"
#include "charts/text_wrap.h"

namespace mtrec::ui {
namespace {

constexpr double kMinTextPx = 7.0;
constexpr double kMaxTextPx = 16.0;

QCPAxis* bottomAxis(QCPAxisRect* rect) {
    return rect->axis(QCPAxis::atBottom);
}
QCPAxis* leftAxis(QCPAxisRect* rect) {
    return rect->axis(QCPAxis::atLeft);
}

ColorScale scaleFor(HeatmapScale kind) {
    switch (kind) {
        case HeatmapScale::DivergingSymmetric:
            return ColorScale::redBlue();
        case HeatmapScale::SequentialReversed:
            return ColorScale::viridis().reversed();
        default:
            return ColorScale::viridis();
    }
}

void styleCategoryAxis(QCPAxis* axis, const QSharedPointer<QCPAxisTicker>& ticker) {
    axis->setVisible(true);
    axis->setTicker(ticker);
    axis->setSubTicks(false);
    axis->setTickLength(0, 0);
    axis->setTickPen(Qt::NoPen);  // a zero-length tick still paints a dot with a square cap
    axis->setSubTickPen(Qt::NoPen);
    axis->setBasePen(Qt::NoPen);
    axis->grid()->setVisible(false);
}

// Fixed decimals, no "-0.000" for tiny negatives, and an explicit "+" on diverging scales.
QString formatValue(double value, int decimals, bool signedScale) {
    if (std::round(value * std::pow(10.0, decimals)) == 0.0) value = 0.0;
    const QString text = QString::number(value, 'f', decimals);
    return signedScale && value > 0 ? QLatin1Char('+') + text : text;
}

}  // namespace

HeatmapController::HeatmapController(QCustomPlot* plot, QObject* parent)
    : QObject(parent), plot_(plot), axisRect_(plot->axisRect()) {
    connect(plot_, &QCustomPlot::afterLayout, this, [this] {
        if (wrapTitleAndNote()) plot_->replot(QCustomPlot::rpQueuedReplot);
        fitTextsToCells();
    });
    connect(plot_, &QCustomPlot::mousePress, this, &HeatmapController::onMousePress);
    connect(plot_, &QCustomPlot::mouseMove, this, &HeatmapController::onMouseMove);
}

void HeatmapController::setData(HeatmapData data) {
    if (!data.seenLanguages.isEmpty()) {
        const QStringList seen = data.seenLanguages;
        data = orderSeenFirst(std::move(data), seen);
    }
    data_ = std::move(data);
    if (data_.cells.size() != size_t(data_.rowCount()) * size_t(data_.columnCount()))
        data_.cells.resize(size_t(data_.rowCount()) * size_t(data_.columnCount()));
    clearPlot();
    buildAxes();
    buildColorMap();
    buildColorScale();
    buildCellTexts();
    buildOutlines();
    buildSplit();
    buildTitleAndNote();
    styleAxes(plot_);
    lastCellWidth_ = lastCellHeight_ = -1.0;
    fitTextsToCells();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapController::clearPlot() {
    plot_->clearPlottables();
    plot_->clearItems();
    colorMap_ = nullptr;
    valueTexts_.clear();
    markTexts_.clear();
    QCPLayoutGrid* layout = plot_->plotLayout();
    for (int i = layout->elementCount() - 1; i >= 0; --i) {
        QCPLayoutElement* element = layout->elementAt(i);
        if (element && element != axisRect_ && layout->take(element)) delete element;
    }
    layout->simplify();
    colorScale_ = nullptr;
    title_ = note_ = nullptr;
    delete marginGroup_;
    marginGroup_ = new QCPMarginGroup(plot_);
}

double HeatmapController::columnKey(int column) const {
    const int n = int(data_.columnLabels.size());
    return column < n ? double(column) : n + 0.5;
}

void HeatmapController::buildAxes() {
    QCPAxis* x = bottomAxis(axisRect_);
    QCPAxis* y = leftAxis(axisRect_);
    auto columns = QSharedPointer<QCPAxisTickerText>::create();
    for (int c = 0; c < data_.columnCount(); ++c)
        columns->addTick(columnKey(c), data_.columnLabel(c));
    auto rows = QSharedPointer<QCPAxisTickerText>::create();
    for (int r = 0; r < data_.rowCount(); ++r) rows->addTick(r, data_.rowLabels.at(r));
    styleCategoryAxis(x, columns);
    styleCategoryAxis(y, rows);
    x->setLabel(data_.columnAxisLabel);
    y->setLabel(data_.rowAxisLabel);
    const int n = int(data_.columnLabels.size());
    x->setRange(-0.5, data_.hasMulColumn ? n + 1.0 : n - 0.5);
    y->setRange(-0.5, data_.rowCount() - 0.5);
    y->setRangeReversed(true);
    for (QCPAxis* axis : {axisRect_->axis(QCPAxis::atTop), axisRect_->axis(QCPAxis::atRight)})
        axis->setVisible(false);
}

void HeatmapController::buildColorMap() {
    // Half-cell grid: sub-column j is centred on -0.25 + j / 2, so cell c covers sub-columns 2c and
    // 2c + 1, the gap before Mul is sub-column 2n and Mul is 2n + 1 and 2n + 2.
    const int n = int(data_.columnLabels.size());
    const int keySize = 2 * n + (data_.hasMulColumn ? 3 : 0);
    const int valueSize = 2 * data_.rowCount();
    colorMap_ = new QCPColorMap(bottomAxis(axisRect_), leftAxis(axisRect_));
    colorMap_->setInterpolate(false);
    colorMap_->setTightBoundary(false);
    if (keySize == 0 || valueSize == 0) return;
    QCPColorMapData* map = colorMap_->data();
    map->setSize(keySize, valueSize);
    map->setRange(QCPRange(-0.25, -0.25 + 0.5 * (keySize - 1)),
                  QCPRange(-0.25, -0.25 + 0.5 * (valueSize - 1)));
    map->fill(qQNaN());
    for (int r = 0; r < data_.rowCount(); ++r) {
        for (int c = 0; c < data_.columnCount(); ++c) {
            const int j = c < n ? 2 * c : 2 * n + 1;
            const double v = data_.cell(r, c).value;
            for (int dj = 0; dj < 2; ++dj)
                for (int di = 0; di < 2; ++di) map->setCell(j + dj, 2 * r + di, v);
        }
    }
}

QCPRange HeatmapController::computeColorRange() const {
    double lo = qInf(), hi = -qInf(), maxAbs = 0.0;
    for (const HeatmapCell& c : data_.cells) {
        if (!std::isfinite(c.value) || (data_.logarithmic && c.value <= 0)) continue;
        lo = std::min(lo, c.value);
        hi = std::max(hi, c.value);
        maxAbs = std::max(maxAbs, std::abs(c.value));
    }
    switch (data_.scale) {
        case HeatmapScale::SequentialFixed:
            return QCPRange(0.0, 1.0);
        case HeatmapScale::DivergingSymmetric:
            return maxAbs > 0 ? QCPRange(-maxAbs, maxAbs) : QCPRange(-1.0, 1.0);
        case HeatmapScale::SequentialFit:
        case HeatmapScale::SequentialReversed:
            break;
    }
    if (!(lo <= hi)) return data_.logarithmic ? QCPRange(1.0, 10.0) : QCPRange(0.0, 1.0);
    if (lo == hi)
        return data_.logarithmic ? QCPRange(lo / 2, hi * 2) : QCPRange(lo - 0.5, hi + 0.5);
    return QCPRange(lo, hi);
}

QCPRange HeatmapController::colorRange() const {
    return colorScale_ ? colorScale_->dataRange() : computeColorRange();
}

void HeatmapController::buildColorScale() {
    colorScale_ = new QCPColorScale(plot_);
    plot_->plotLayout()->addElement(0, 1, colorScale_);
    colorScale_->setType(QCPAxis::atRight);
    colorScale_->setBarWidth(16);
    colorMap_->setColorScale(colorScale_);
    colorScale_->setGradient(scaleFor(data_.scale).toGradient());
    QString label = data_.colorBarLabel;
    if (data_.scale == HeatmapScale::SequentialReversed)
        label = tr("%1 (lower is better)").arg(label).trimmed();
    colorScale_->axis()->setLabel(label);
    if (data_.logarithmic) {
        colorScale_->setDataScaleType(QCPAxis::stLogarithmic);
        colorScale_->axis()->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    }
    colorScale_->setDataRange(computeColorRange());
    // Lower is better: the best (lowest) values at the top of the bar, like the other scales.
    colorScale_->axis()->setRangeReversed(data_.scale == HeatmapScale::SequentialReversed);
    axisRect_->setMarginGroup(QCP::msTop | QCP::msBottom, marginGroup_);
    colorScale_->setMarginGroup(QCP::msTop | QCP::msBottom, marginGroup_);
}

void HeatmapController::buildCellTexts() {
    const size_t count = size_t(data_.rowCount()) * size_t(data_.columnCount());
    valueTexts_.assign(count, nullptr);
    markTexts_.assign(count, nullptr);
    QCPColorGradient gradient = colorMap_->gradient();
    const QCPRange range = colorScale_->dataRange();
    for (int r = 0; r < data_.rowCount(); ++r) {
        for (int c = 0; c < data_.columnCount(); ++c) {
            const HeatmapCell& cell = data_.cell(r, c);
            if (!std::isfinite(cell.value)) continue;
            const QColor textColor = contrastTextColor(
                QColor::fromRgb(gradient.color(cell.value, range, data_.logarithmic)));
            const size_t index = size_t(r) * size_t(data_.columnCount()) + size_t(c);
            auto* text = new QCPItemText(plot_);
            text->position->setAxes(bottomAxis(axisRect_), leftAxis(axisRect_));
            text->position->setCoords(columnKey(c), r);
            text->setPositionAlignment(Qt::AlignCenter);
            text->setColor(textColor);
            text->setSelectable(false);
            valueTexts_[index] = text;
            if (cell.mark.isEmpty()) continue;
            auto* mark = new QCPItemText(plot_);
            mark->position->setAxes(bottomAxis(axisRect_), leftAxis(axisRect_));
            mark->position->setCoords(columnKey(c) + 0.5, r - 0.5);
            mark->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
            mark->setPadding(QMargins(0, 2, 5, 0));
            mark->setText(cell.mark);
            mark->setColor(textColor);
            mark->setSelectable(false);
            markTexts_[index] = mark;
        }
    }
}

void HeatmapController::buildOutlines() {
    // Mo cells (query language = candidate language): a black frame with a white core, visible on
    // light and dark cells alike.
    for (int r = 0; r < data_.rowCount(); ++r) {
        const int c = int(data_.columnLabels.indexOf(data_.rowLabels.at(r)));
        if (c < 0) continue;
        for (const QPen& pen : {QPen(Qt::black, 3.0), QPen(Qt::white, 1.0)}) {
            auto* rect = new QCPItemRect(plot_);
            rect->setObjectName(QStringLiteral("diagonalOutline"));
            for (QCPItemPosition* p : {rect->topLeft, rect->bottomRight})
                p->setAxes(bottomAxis(axisRect_), leftAxis(axisRect_));
            rect->topLeft->setCoords(c - 0.5, r - 0.5);
            rect->bottomRight->setCoords(c + 0.5, r + 0.5);
            rect->setPen(pen);
            rect->setBrush(Qt::NoBrush);
            rect->setSelectable(false);
            rect->setClipToAxisRect(false);  // the frame of an edge cell reaches past the axis rect
        }
    }
}

void HeatmapController::buildSplit() {
    const int n = int(data_.columnLabels.size());
    const int s = data_.splitIndex;
    if (s <= 0 || s >= n || s >= data_.rowCount()) return;
    // White gutters on the sequential scales; on the diverging one white is the zero colour.
    const QPen pen = data_.scale == HeatmapScale::DivergingSymmetric ? QPen(QColor(40, 40, 40), 2.0)
                                                                     : QPen(Qt::white, 3.0);
    auto addLine = [&](double x1, double y1, double x2, double y2) {
        auto* line = new QCPItemLine(plot_);
        line->setObjectName(QStringLiteral("splitLine"));
        for (QCPItemPosition* p : {line->start, line->end})
            p->setAxes(bottomAxis(axisRect_), leftAxis(axisRect_));
        line->start->setCoords(x1, y1);
        line->end->setCoords(x2, y2);
        line->setPen(pen);
        line->setSelectable(false);
    };
    const double edge = s - 0.5;
    addLine(edge, -0.5, edge, data_.rowCount() - 0.5);
    addLine(-0.5, edge, n - 0.5, edge);
    if (data_.hasMulColumn) addLine(n, edge, n + 1.0, edge);

    // "seen" / "unseen" over the column groups (top axis) and beside the row groups (right axis).
    QFont font = plot_->font();
    font.setItalic(true);
    auto top = QSharedPointer<QCPAxisTickerText>::create();
    top->addTick((s - 1) / 2.0, tr("seen"));
    top->addTick((s + n - 1) / 2.0, tr("unseen"));
    auto right = QSharedPointer<QCPAxisTickerText>::create();
    right->addTick((s - 1) / 2.0, tr("seen"));
    right->addTick((s + data_.rowCount() - 1) / 2.0, tr("unseen"));
    QCPAxis* topAxis = axisRect_->axis(QCPAxis::atTop);
    QCPAxis* rightAxis = axisRect_->axis(QCPAxis::atRight);
    styleCategoryAxis(topAxis, top);
    styleCategoryAxis(rightAxis, right);
    topAxis->setRange(bottomAxis(axisRect_)->range());
    rightAxis->setRange(leftAxis(axisRect_)->range());
    rightAxis->setRangeReversed(true);
    rightAxis->setTickLabelRotation(90);
    for (QCPAxis* axis : {topAxis, rightAxis}) {
        axis->setTickLabelFont(font);
        axis->setTickLabelColor(QColor(90, 90, 90));
    }
}

/// Pixels: the narrowest the title and note (and so the heatmap) become.
constexpr int kMinTextWidth = 420;

void HeatmapController::buildTitleAndNote() {
    QCPLayoutGrid* layout = plot_->plotLayout();
    // A text's one-line width would be the chart's minimum width (a long note made the Compare
    // view wider than a 1280-pixel screen): a fixed minimum lets the layout ignore it, and
    // wrapTitleAndNote breaks the text to the width the layout gives. The minimum keeps a heatmap
    // wide enough to read when a splitter shares the width.
    if (!data_.title.isEmpty()) {
        layout->insertRow(0);
        title_ = new QCPTextElement(plot_, data_.title, titleFont(plot_));
        title_->setMinimumSize(kMinTextWidth, 0);
        layout->addElement(0, 0, title_);
    }
    if (!data_.note.isEmpty()) {
        QFont font = plot_->font();
        font.setPointSizeF(font.pointSizeF() * 0.9);
        note_ = new QCPTextElement(plot_, data_.note, font);
        note_->setTextColor(QColor(70, 70, 70));
        note_->setMinimumSize(kMinTextWidth, 0);
        layout->addElement(layout->rowCount(), 0, note_);
    }
}

bool HeatmapController::wrapTitleAndNote() {
    const auto wrap = [](QCPTextElement* element, const QString& text) {
        if (!element) return false;
        const int width = std::max(120, element->outerRect().width() - 8);
        const QString wrapped = wrapToWidth(text, element->font(), width);
        if (wrapped == element->text()) return false;
        element->setText(wrapped);
        return true;
    };
    const bool titleChanged = wrap(title_, data_.title);
    return wrap(note_, data_.note) || titleChanged;
}

void HeatmapController::fitTextsToCells() {
    if (!colorMap_ || data_.columnCount() == 0 || data_.rowCount() == 0) return;
    const QCPAxis* x = bottomAxis(axisRect_);
    const QCPAxis* y = leftAxis(axisRect_);
    const double cellW = std::abs(x->coordToPixel(1.0) - x->coordToPixel(0.0));
    const double cellH = std::abs(y->coordToPixel(1.0) - y->coordToPixel(0.0));
    if (cellW == lastCellWidth_ && cellH == lastCellHeight_) return;
    lastCellWidth_ = cellW;
    lastCellHeight_ = cellH;
    decimals_ = cellDecimals(data_, cellW);
    const bool signedScale = data_.scale == HeatmapScale::DivergingSymmetric;
    int longest = 1;
    for (const HeatmapCell& c : data_.cells)
        if (std::isfinite(c.value))
            longest = std::max(longest, int(formatValue(c.value, decimals_, signedScale).size()));
    // Digits of DejaVu Sans are ~0.64 em wide; keep a little margin on either side.
    const double px = std::clamp(std::min(cellH * 0.34, (cellW - 6.0) / (0.64 * longest)),
                                 kMinTextPx, kMaxTextPx);
    QFont font = plot_->font();
    font.setPixelSize(int(px));
    QFont markFont = font;
    markFont.setBold(true);
    markFont.setPixelSize(int(std::max(kMinTextPx, px * 1.15)));
    for (int r = 0; r < data_.rowCount(); ++r) {
        for (int c = 0; c < data_.columnCount(); ++c) {
            const size_t index = size_t(r) * size_t(data_.columnCount()) + size_t(c);
            if (QCPItemText* text = valueTexts_[index]) {
                text->setText(formatValue(data_.cell(r, c).value, decimals_, signedScale));
                text->setFont(font);
            }
            if (QCPItemText* mark = markTexts_[index]) mark->setFont(markFont);
        }
    }
}

QCPItemText* HeatmapController::valueText(int row, int column) const {
    if (row < 0 || row >= data_.rowCount() || column < 0 || column >= data_.columnCount())
        return nullptr;
    return valueTexts_[size_t(row) * size_t(data_.columnCount()) + size_t(column)];
}

QCPItemText* HeatmapController::markText(int row, int column) const {
    if (row < 0 || row >= data_.rowCount() || column < 0 || column >= data_.columnCount())
        return nullptr;
    return markTexts_[size_t(row) * size_t(data_.columnCount()) + size_t(column)];
}

std::optional<HeatmapCellIndex> HeatmapController::cellAt(const QPointF& pixel) const {
    if (!axisRect_->rect().contains(pixel.toPoint())) return std::nullopt;
    const double key = bottomAxis(axisRect_)->pixelToCoord(pixel.x());
    const double value = leftAxis(axisRect_)->pixelToCoord(pixel.y());
    const int row = int(std::floor(value + 0.5));
    if (row < 0 || row >= data_.rowCount()) return std::nullopt;
    const int n = int(data_.columnLabels.size());
    if (key >= -0.5 && key < n - 0.5) return HeatmapCellIndex{row, int(std::floor(key + 0.5))};
    if (data_.hasMulColumn && key >= n && key < n + 1.0) return HeatmapCellIndex{row, n};
    return std::nullopt;
}

QRectF HeatmapController::cellRect(int row, int column) const {
    const QCPAxis* x = bottomAxis(axisRect_);
    const QCPAxis* y = leftAxis(axisRect_);
    const double key = columnKey(column);
    return QRectF(QPointF(x->coordToPixel(key - 0.5), y->coordToPixel(row - 0.5)),
                  QPointF(x->coordToPixel(key + 0.5), y->coordToPixel(row + 0.5)))
        .normalized();
}

void HeatmapController::onMousePress(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return;
    if (const auto cell = cellAt(event->position())) Q_EMIT cellClicked(cell->row, cell->column);
}

void HeatmapController::onMouseMove(QMouseEvent* event) {
    const auto cell = cellAt(event->position());
    const QString text = cell ? toolTip(cell->row, cell->column) : QString();
    plot_->setToolTip(text);
    if (!plot_->isVisible()) return;
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, plot_,
                           cellRect(cell->row, cell->column).toAlignedRect());
}

}  // namespace mtrec::ui
