#include "charts/curve_plot.h"

#include <algorithm>

#include "charts/chart_export.h"
#include "charts/chart_export_menu.h"
#include "charts/chart_style.h"

namespace mtrec::ui {
namespace {

// Okabe–Ito colours (colour-blind safe).
const QColor kTrainColor(0x00, 0x72, 0xB2);
const QColor kValidationColor(0xD5, 0x5E, 0x00);
const QColor kLearningRateColor(0x00, 0x9E, 0x73);
const QColor kCrossMrrColor(0xCC, 0x79, 0xA7);

constexpr CurveSeries kAllSeries[] = {CurveSeries::TrainingLoss, CurveSeries::ValidationLoss,
                                      CurveSeries::LearningRate, CurveSeries::ValidationCrossMrr};

QString seriesName(CurveSeries series) {
    switch (series) {
        case CurveSeries::TrainingLoss:
            return QStringLiteral("training_loss");
        case CurveSeries::ValidationLoss:
            return QStringLiteral("validation_loss");
        case CurveSeries::LearningRate:
            return QStringLiteral("learning_rate");
        case CurveSeries::ValidationCrossMrr:
            return QStringLiteral("validation_cross_mrr");
    }
    return {};
}

void syncRanges(QCPAxis* from, QCPAxis* to, QObject* context) {
    QObject::connect(from, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), context,
                     [to](const QCPRange& range) {
                         if (to->range() != range) to->setRange(range);
                     });
}

}  // namespace

CurvePlot::CurvePlot(QWidget* parent) : QCustomPlot(parent) {
    buildLayout();
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    exportMenu_ = new ChartExportMenu(
        this, [this] { return csv(); }, QStringLiteral("curves"));
}

void CurvePlot::buildLayout() {
    lossRect_ = axisRect();
    lrRect_ = new QCPAxisRect(this);
    plotLayout()->addElement(1, 0, lrRect_);
    plotLayout()->setRowStretchFactor(0, 2.0);
    plotLayout()->setRowStretchFactor(1, 1.0);
    auto* group = new QCPMarginGroup(this);
    lossRect_->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    lrRect_->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    lrRect_->setRangeDrag(Qt::Horizontal);
    lrRect_->setRangeZoom(Qt::Horizontal);
    lossRect_->setRangeDrag(Qt::Horizontal);
    lossRect_->setRangeZoom(Qt::Horizontal);
    syncRanges(lossRect_->axis(QCPAxis::atBottom), lrRect_->axis(QCPAxis::atBottom), this);
    syncRanges(lrRect_->axis(QCPAxis::atBottom), lossRect_->axis(QCPAxis::atBottom), this);

    lossRect_->axis(QCPAxis::atBottom)->setTickLabels(false);
    lossRect_->axis(QCPAxis::atLeft)->setLabel(tr("loss"));
    lrRect_->axis(QCPAxis::atBottom)->setLabel(tr("step"));
    lrRect_->axis(QCPAxis::atLeft)->setLabel(tr("learning rate"));
    lrRect_->axis(QCPAxis::atLeft)->setNumberFormat(QStringLiteral("gbc"));
    lrRect_->axis(QCPAxis::atLeft)->setNumberPrecision(2);

    raw_[0] = makeGraph(lossRect_, kTrainColor, true);
    smoothedLoss_ = makeGraph(lossRect_, kTrainColor, false);
    raw_[1] = makeGraph(lossRect_, kValidationColor, false);
    raw_[2] = makeGraph(lrRect_, kLearningRateColor, false);
    QCPAxis* mrrAxis = lossRect_->axis(QCPAxis::atRight);
    mrrAxis->setLabel(tr("validation cross-lingual MRR"));
    raw_[3] = QCustomPlot::addGraph(lossRect_->axis(QCPAxis::atBottom), mrrAxis);
    raw_[3]->setPen(QPen(kCrossMrrColor, 2.0, Qt::DashLine));
    raw_[3]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, 7));
    raw_[3]->setName(tr("validation cross-lingual MRR (right)"));
    smoothedLoss_->setName(tr("training loss"));
    raw_[1]->setName(tr("validation loss"));
    raw_[1]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    raw_[2]->setName(tr("learning rate"));
    // The raw loss and the learning rate are read without one; the MRR gets its entry with data.
    for (QCPGraph* graph : {raw_[0], raw_[2], raw_[3]}) graph->removeFromLegend();
    legend->setVisible(true);
    legend->setBrush(QColor(255, 255, 255, 220));
    lossRect_->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    styleAxes(this);
}

QCPGraph* CurvePlot::makeGraph(QCPAxisRect* rect, const QColor& color, bool faint) {
    QCPGraph* graph =
        QCustomPlot::addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    QColor penColor = color;
    if (faint) penColor.setAlpha(70);
    graph->setPen(QPen(penColor, faint ? 1.0 : 2.0));
    graph->setAdaptiveSampling(true);
    return graph;
}

QCPGraph* CurvePlot::rawGraph(CurveSeries series) const {
    return raw_[size_t(series)];
}

QCPGraph* CurvePlot::smoothedGraph(CurveSeries series) const {
    return series == CurveSeries::TrainingLoss ? smoothedLoss_ : nullptr;
}

void CurvePlot::setSeries(CurveSeries series, const std::vector<CurvePoint>& points) {
    rawGraph(series)->data()->clear();
    if (series == CurveSeries::TrainingLoss) {
        smoothedLoss_->data()->clear();
        smoother_.reset();
    }
    appendPoints(series, points);
}

void CurvePlot::appendPoints(CurveSeries series, const std::vector<CurvePoint>& points) {
    QVector<double> steps, values, smoothed;
    steps.reserve(int(points.size()));
    values.reserve(int(points.size()));
    for (const CurvePoint& p : points) {
        steps << p.step;
        values << p.value;
        if (series == CurveSeries::TrainingLoss) smoothed << smoother_.add(p.value);
    }
    rawGraph(series)->addData(steps, values, true);
    if (series == CurveSeries::TrainingLoss) smoothedLoss_->addData(steps, smoothed, true);
    rescale();
    replot(rpQueuedReplot);
}

void CurvePlot::appendPoint(CurveSeries series, double step, double value) {
    appendPoints(series, {CurvePoint{step, value}});
}

void CurvePlot::clear() {
    for (CurveSeries s : kAllSeries) setSeries(s, {});
}

void CurvePlot::setSmoothing(double weight) {
    smoothing_ = std::clamp(weight, 0.0, 0.99);
    smoother_ = EmaSmoother(smoothing_);
    recomputeSmoothed();
    raw_[0]->setVisible(smoothing_ > 0.0);
    replot(rpQueuedReplot);
}

void CurvePlot::recomputeSmoothed() {
    smoother_.reset();
    QVector<double> steps, smoothed;
    const auto raw = raw_[0]->data();
    for (auto it = raw->constBegin(); it != raw->constEnd(); ++it) {
        steps << it->key;
        smoothed << smoother_.add(it->value);
    }
    smoothedLoss_->setData(steps, smoothed, true);
}

void CurvePlot::setLogY(bool enabled) {
    logY_ = enabled;
    QCPAxis* y = lossRect_->axis(QCPAxis::atLeft);
    y->setScaleType(enabled ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (enabled)
        y->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        y->setTicker(QSharedPointer<QCPAxisTicker>::create());
    rescale();
    replot(rpQueuedReplot);
}

void CurvePlot::rescale() {
    QCPRange steps;
    bool any = false;
    for (QCPGraph* graph : raw_) {
        bool found = false;
        const QCPRange range = graph->getKeyRange(found);
        if (!found) continue;
        steps =
            any ? QCPRange(std::min(steps.lower, range.lower), std::max(steps.upper, range.upper))
                : range;
        any = true;
    }
    if (!any) return;
    if (steps.size() <= 0) steps = QCPRange(steps.lower - 1, steps.upper + 1);
    lossRect_->axis(QCPAxis::atBottom)->setRange(steps);
    for (QCPAxis* y : {lossRect_->axis(QCPAxis::atLeft), lrRect_->axis(QCPAxis::atLeft)}) {
        y->rescale(true);
        y->scaleRange(1.08);
    }
    bool mrrFound = false;
    const QCPRange mrr = raw_[3]->getValueRange(mrrFound);
    // The right axis and the legend entry only show when there is an MRR to read (runs selected by
    // loss before the MRR existed have none). The axis top leaves the upper third of the rect to
    // the legend, so the MRR curve is never under it.
    QCPAxis* mrrAxis = lossRect_->axis(QCPAxis::atRight);
    mrrAxis->setVisible(mrrFound);
    if (mrrFound)
        raw_[3]->addToLegend();
    else
        raw_[3]->removeFromLegend();
    mrrAxis->setRange(0.0, mrrFound ? std::min(1.0, std::max(0.05, mrr.upper * 1.6)) : 1.0);
}

QString CurvePlot::csv() const {
    std::vector<QStringList> rows{{QStringLiteral("step"), QStringLiteral("series"),
                                   QStringLiteral("value"), QStringLiteral("smoothed")}};
    for (CurveSeries s : kAllSeries) {
        const auto raw = rawGraph(s)->data();
        const QCPGraph* smooth = smoothedGraph(s);
        for (int i = 0; i < raw->size(); ++i) {
            const double smoothed = smooth ? smooth->data()->at(i)->value : qQNaN();
            rows.push_back({csvNumber(raw->at(i)->key), seriesName(s), csvNumber(raw->at(i)->value),
                            csvNumber(smoothed)});
        }
    }
    return csvText(rows);
}

}  // namespace mtrec::ui
