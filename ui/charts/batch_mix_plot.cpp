#include "charts/batch_mix_plot.h"

#include <algorithm>

#include "charts/chart_export.h"
#include "charts/chart_export_menu.h"
#include "charts/chart_style.h"

namespace mtrec::ui {

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
    shareGraph_->setName(tr("realised share of mono batches (running mean)"));
    shareGraph_->setPen(QPen(QColor(0x00, 0x72, 0xB2), 2.0));
    alphaGraph_ = addGraph();
    alphaGraph_->setName(tr("asked α = %1").arg(alpha, 0, 'f', 2));
    alphaGraph_->setPen(QPen(QColor(0x40, 0x40, 0x40), 1.5, Qt::DashLine));
    xAxis->setLabel(tr("step"));
    yAxis->setLabel(tr("share of mono batches"));
    yAxis->setRange(0.0, 1.0);
    xAxis->setRange(0.0, 1.0);
    legend->setVisible(true);
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

QString BatchMixPlot::csv() const {
    std::vector<QStringList> rows;
    if (taskBars_) {
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
