#include "charts/batch_mix_plot.h"

#include <algorithm>

#include "charts/chart_export.h"
#include "charts/chart_export_menu.h"
#include "charts/chart_style.h"

namespace mtrec::ui {
namespace {

// Okabe–Ito colours (colour-blind safe), one per task.
const QRgb kTaskColors[] = {0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00, 0xF0E442};

}  // namespace

BatchMixPlot::BatchMixPlot(QWidget* parent) : QCustomPlot(parent) {
    exportMenu_ = new ChartExportMenu(
        this, [this] { return csv(); }, QStringLiteral("batch-mix"));
    legend->setBrush(QColor(255, 255, 255, 220));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    styleAxes(this);
}

void BatchMixPlot::reset() {
    clearPlottables();
    clearItems();
    shareGraph_ = alphaGraph_ = nullptr;
    taskBars_ = nullptr;
    scheduleBars_.clear();
    tasks_.clear();
    batches_ = monoBatches_ = 0;
    xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    xAxis->grid()->setVisible(true);
    xAxis->setTickLength(0, 4);
    xAxis->setSubTicks(true);
}

void BatchMixPlot::showMonoShare(double alpha) {
    reset();
    alpha_ = alpha;
    shareGraph_ = addGraph();
    shareGraph_->setName(tr("realised (running mean)"));
    shareGraph_->setPen(QPen(QColor(0x00, 0x72, 0xB2), 2.0));
    alphaGraph_ = addGraph();
    alphaGraph_->setName(tr("asked α = %1").arg(alpha, 0, 'f', 2));
    alphaGraph_->setPen(QPen(QColor(0x40, 0x40, 0x40), 1.5, Qt::DashLine));
    xAxis->setLabel(tr("step"));
    yAxis->setLabel(tr("share of mono batches"));
    yAxis->setRange(0.0, 1.0);
    xAxis->setRange(0.0, 1.0);
    legend->setVisible(true);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    replot(rpQueuedReplot);
}

void BatchMixPlot::appendBatches(const std::vector<std::pair<double, bool>>& batches) {
    if (!shareGraph_) showMonoShare(alpha_);
    QVector<double> steps, shares;
    for (const auto& [step, mono] : batches) {
        ++batches_;
        if (mono) ++monoBatches_;
        steps << step;
        shares << double(monoBatches_) / double(batches_);
    }
    shareGraph_->addData(steps, shares, true);
    updateAlphaLine();
    replot(rpQueuedReplot);
}

void BatchMixPlot::appendBatch(double step, bool mono) {
    appendBatches({{step, mono}});
}

void BatchMixPlot::updateAlphaLine() {
    bool found = false;
    QCPRange steps = shareGraph_->getKeyRange(found);
    if (!found) return;
    if (steps.size() <= 0) steps = QCPRange(steps.lower, steps.lower + 1);
    alphaGraph_->setData({steps.lower, steps.upper}, {alpha_, alpha_}, true);
    xAxis->setRange(steps);
}

void BatchMixPlot::showTaskSteps(const QStringList& tasks, const std::vector<int>& steps) {
    reset();
    tasks_ = tasks;
    taskBars_ = new QCPBars(xAxis, yAxis);
    taskBars_->setName(tr("optimizer steps"));
    taskBars_->setPen(QPen(QColor(0x00, 0x72, 0xB2)));
    taskBars_->setBrush(QColor(0x00, 0x72, 0xB2, 190));
    taskBars_->setWidth(0.6);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    QVector<double> keys, values;
    double top = 1.0;
    for (int i = 0; i < tasks.size(); ++i) {
        const double count = i < int(steps.size()) ? steps[size_t(i)] : 0.0;
        ticker->addTick(i, tasks.at(i));
        keys << i;
        values << count;
        top = std::max(top, count);
        auto* label = new QCPItemText(this);
        label->position->setCoords(i, count);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setText(QString::number(int(count)));
        label->setPadding(QMargins(0, 0, 0, 3));
    }
    taskBars_->setData(keys, values, true);
    xAxis->setTicker(ticker);
    xAxis->setSubTicks(false);
    xAxis->setTickLength(0, 0);
    xAxis->grid()->setVisible(false);
    xAxis->setRange(-0.6, tasks.size() - 0.4);
    xAxis->setLabel(tr("task"));
    yAxis->setLabel(tr("optimizer steps"));
    yAxis->setRange(0.0, top * 1.15);
    legend->setVisible(false);
    replot(rpQueuedReplot);
}

void BatchMixPlot::showTaskSchedule(const QStringList& tasks, const std::vector<int>& taskOfStep,
                                    int window) {
    reset();
    tasks_ = tasks;
    window_ = std::max(1, window);
    const int windows = int((taskOfStep.size() + size_t(window_) - 1) / size_t(window_));
    std::vector<QVector<double>> counts(size_t(tasks.size()), QVector<double>(windows, 0.0));
    for (size_t i = 0; i < taskOfStep.size(); ++i)
        if (taskOfStep[i] >= 0 && taskOfStep[i] < tasks.size())
            counts[size_t(taskOfStep[i])][int(i) / window_] += 1.0;
    QVector<double> keys;
    for (int w = 0; w < windows; ++w) keys << w * window_ + window_ / 2.0;
    QCPBars* below = nullptr;
    for (int t = 0; t < tasks.size(); ++t) {
        auto* bars = new QCPBars(xAxis, yAxis);
        const QColor color = QColor::fromRgb(kTaskColors[t % std::size(kTaskColors)]);
        bars->setName(tasks.at(t));
        bars->setPen(Qt::NoPen);  // a zero count would still draw its outline as a line
        bars->setBrush(color);
        bars->setWidth(window_ * 0.85);
        bars->setData(keys, counts[size_t(t)], true);
        if (below) bars->moveAbove(below);
        below = bars;
        scheduleBars_.push_back(bars);
    }
    xAxis->setLabel(tr("step"));
    yAxis->setLabel(tr("optimizer steps per %n-step window", nullptr, window_));
    xAxis->setRange(0.0, std::max(1, windows) * double(window_));
    yAxis->setRange(0.0, window_ * 1.25);  // headroom for the legend
    legend->setVisible(true);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    replot(rpQueuedReplot);
}

QString BatchMixPlot::csv() const {
    std::vector<QStringList> rows;
    if (!scheduleBars_.empty()) {
        rows.push_back({QStringLiteral("first_step"), QStringLiteral("last_step"),
                        QStringLiteral("task"), QStringLiteral("steps")});
        const int windows = scheduleBars_.front()->data()->size();
        for (int w = 0; w < windows; ++w)
            for (size_t t = 0; t < scheduleBars_.size(); ++t)
                rows.push_back({QString::number(w * window_ + 1),
                                QString::number((w + 1) * window_), tasks_.value(int(t)),
                                csvNumber(scheduleBars_[t]->data()->at(w)->value)});
    } else if (taskBars_) {
        rows.push_back({QStringLiteral("task"), QStringLiteral("steps")});
        for (int i = 0; i < taskBars_->data()->size(); ++i)
            rows.push_back({tasks_.value(i), csvNumber(taskBars_->data()->at(i)->value)});
    } else if (shareGraph_) {
        rows.push_back(
            {QStringLiteral("step"), QStringLiteral("mono_share"), QStringLiteral("alpha")});
        for (int i = 0; i < shareGraph_->data()->size(); ++i)
            rows.push_back({csvNumber(shareGraph_->data()->at(i)->key),
                            csvNumber(shareGraph_->data()->at(i)->value), csvNumber(alpha_)});
    }
    return csvText(rows);
}

}  // namespace mtrec::ui
