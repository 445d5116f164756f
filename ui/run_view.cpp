#include "run_view.h"

#include <algorithm>
#include <cmath>

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSlider>
#include <QSplitter>
#include <QTextCursor>
#include <QVBoxLayout>

#include "charts/batch_mix_plot.h"
#include "charts/curve_plot.h"
#include "charts/heatmap_view.h"
#include "run_log.h"
#include "run_progress.h"
#include "store/experiment_store.h"
#include "store/run_history.h"
#include "trained_pairs_heatmap.h"

namespace mtrec::ui {
namespace {

std::vector<CurvePoint> points(const std::vector<std::int64_t>& steps,
                               const std::vector<double>& values) {
    std::vector<CurvePoint> out;
    for (std::size_t i = 0; i < steps.size() && i < values.size(); ++i)
        out.push_back({double(steps[i]), values[i]});
    return out;
}

/// A hybrid run's α from its stored config; negative for any other run (or α = "size").
double hybridAlpha(const std::string& configJson) {
    const QJsonObject strategy = QJsonDocument::fromJson(QByteArray::fromStdString(configJson))
                                     .object()
                                     .value(QStringLiteral("strategy"))
                                     .toObject();
    if (strategy.value(QStringLiteral("name")).toString() != QLatin1String("hybrid")) return -1.0;
    const QJsonValue alpha = strategy.value(QStringLiteral("alpha"));
    return alpha.isDouble() ? alpha.toDouble() : -1.0;
}

}  // namespace

RunView::RunView(QWidget* parent) : QWidget(parent) {
    headline_ = new QLabel(this);
    headline_->setObjectName(QStringLiteral("runHeadline"));
    headline_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    progress_ = new QProgressBar(this);
    logY_ = new QCheckBox(tr("Log scale"), this);
    smoothing_ = new QSlider(Qt::Horizontal, this);
    smoothing_->setRange(0, 99);
    smoothing_->setValue(60);
    smoothing_->setMaximumWidth(160);
    smoothing_->setToolTip(tr("EMA smoothing of the training loss (0 = raw)"));
    curves_ = new CurvePlot(this);
    curves_->setSmoothing(0.6);
    mix_ = new BatchMixPlot(this);
    // Never laid out at zero size, even in a hidden tab: QCustomPlot cannot paint into an empty buffer.
    curves_->setMinimumSize(320, 240);
    mix_->setMinimumSize(240, 240);
    pairs_ = new HeatmapView(this);
    pairs_->setObjectName(QStringLiteral("trainedPairs"));
    pairs_->setMinimumSize(240, 240);
    notes_ = new QPlainTextEdit(this);
    notes_->setReadOnly(true);
    notes_->setMaximumHeight(140);
    log_ = new QPlainTextEdit(this);
    log_->setObjectName(QStringLiteral("runLog"));
    log_->setReadOnly(true);
    log_->setLineWrapMode(QPlainTextEdit::NoWrap);
    log_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    log_->setMaximumHeight(140);

    auto* bar = new QHBoxLayout;
    bar->addWidget(headline_, 1);
    bar->addWidget(progress_, 1);
    bar->addWidget(logY_);
    bar->addWidget(new QLabel(tr("Smoothing:"), this));
    bar->addWidget(smoothing_);
    auto* charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(curves_);
    auto* batches = new QSplitter(Qt::Vertical, this);  // what was trained: branches, then pairs
    batches->addWidget(mix_);
    batches->addWidget(pairs_);
    charts->addWidget(batches);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(charts, 1);
    auto* texts = new QHBoxLayout;
    texts->addWidget(notes_, 1);
    texts->addWidget(log_, 2);
    layout->addLayout(texts);

    connect(logY_, &QCheckBox::toggled, curves_, &CurvePlot::setLogY);
    connect(smoothing_, &QSlider::valueChanged, curves_,
            [this](int value) { curves_->setSmoothing(value / 100.0); });
}

QString RunView::headline() const {
    return headline_->text();
}

QString RunView::logText() const {
    return log_->toPlainText();
}

void RunView::showRun(store::ExperimentStore& store, std::int64_t runId) {
    const bool same = store_ == &store && runId_ == runId;
    store_ = &store;
    runId_ = runId;
    if (!same) {
        lastStep_ = -1;
        mixStep_ = -1;
        curves_->clear();
        mix_->showTaskSteps({}, {});
        pairs_->setData({});
        progress_->reset();
        progress_->setFormat(QString());
    }
    refresh();
}

void RunView::clear() {
    store_ = nullptr;
    runId_ = 0;
    headline_->clear();
    notes_->clear();
    log_->clear();
    curves_->clear();
    mix_->showTaskSteps({}, {});
    pairs_->setData({});
    progress_->reset();
}

void RunView::refresh() {
    if (!store_) return;
    reloadRecord();
    appendCurves();
    reloadBatchMix();
    reloadTrainedPairs();
    reloadLog();
}

void RunView::showProgress(const RunProgress& report) {
    if (report.runId != runId_) return;
    const bool training = report.phase == QLatin1String("training");
    progress_->setRange(0, int(std::max<qint64>(report.total, 1)));
    progress_->setValue(int(report.done));
    progress_->setFormat(training ? tr("step %v / %m · ETA %1 s").arg(report.etaSeconds, 0, 'f', 0)
                                  : report.phase + QStringLiteral(" %v / %m"));
}

void RunView::reloadRecord() {
    auto run = store_->runs().get(runId_);
    if (!run) {
        headline_->setText(QString::fromStdString(run.error().message));
        return;
    }
    const store::RunRecord& r = run.value();
    alpha_ = hybridAlpha(r.configJson);
    headline_->setText(tr("#%1 %2 — %3, seed %4, %5")
                           .arg(r.id)
                           .arg(QString::fromStdString(r.name), QString::fromStdString(r.strategy))
                           .arg(r.seed)
                           .arg(QString::fromUtf8(store::statusName(r.status).data())));
    QStringList lines;
    if (r.errorText) lines.append(tr("Error: %1").arg(QString::fromStdString(*r.errorText)));
    if (auto notes = store_->runs().notes(runId_))
        for (const store::Note& note : notes.value())
            lines.append(QString::fromStdString(note.text));
    notes_->setPlainText(lines.join(u'\n'));
}

void RunView::appendCurves() {
    auto curves = store_->trainingLog().curves(runId_, lastStep_);
    if (!curves) return;
    if (curves.value().lastStep.value_or(-1) < lastStep_) {  // resumed from an earlier step
        lastStep_ = -1;
        curves_->clear();
        return appendCurves();
    }
    const store::StepCurves& c = curves.value();
    if (c.steps.empty()) return;
    curves_->appendPoints(CurveSeries::TrainingLoss, points(c.steps, c.loss));
    curves_->appendPoints(CurveSeries::LearningRate, points(c.steps, c.learningRate));
    curves_->appendPoints(CurveSeries::ValidationLoss, points(c.validationSteps, c.validationLoss));
    curves_->appendPoints(CurveSeries::ValidationCrossMrr,
                          points(c.crossMrrSteps, c.validationCrossMrr));
    lastStep_ = c.steps.back();
}

void RunView::reloadBatchMix() {
    if (alpha_ >= 0.0) {
        auto rows = store_->trainingLog().telemetry(runId_, mixStep_);
        if (!rows || rows.value().empty()) return;
        if (mixStep_ < 0) mix_->showMonoShare(alpha_);
        std::vector<std::pair<double, bool>> batches;
        for (const store::BatchTelemetry& row : rows.value())
            if (batches.empty() || batches.back().first != double(row.step))
                batches.emplace_back(double(row.step), row.branch == "mono");
        mix_->appendBatches(batches);
        mixStep_ = rows.value().back().step;
        return;
    }
    auto mix = store_->trainingLog().branchMix(runId_);
    if (!mix) return;
    QStringList names;
    std::vector<int> steps;
    for (const store::BranchCount& count : mix.value()) {
        names.append(QString::fromStdString(count.task.empty() ? count.branch : count.task));
        steps.push_back(int(count.steps));
    }
    mix_->showTaskSteps(names, steps);
}

void RunView::reloadTrainedPairs() {
    auto counts = store_->trainingLog().trainedPairs(runId_);
    if (!counts) return;  // a busy writer: the next refresh reads it
    HeatmapData data = heatmapOfTrainedPairs(counts.value());
    if (data.cells.size() == pairs_->data().cells.size() &&
        std::equal(data.cells.begin(), data.cells.end(), pairs_->data().cells.begin(),
                   [](const HeatmapCell& a, const HeatmapCell& b) {
                       return a.value == b.value || (std::isnan(a.value) && std::isnan(b.value));
                   }))
        return;  // unchanged: no redraw
    pairs_->setData(std::move(data));
}

void RunView::reloadLog() {
    auto events = store::RunHistory(store_->database()).events(runId_);
    const QString text = events ? runLogLines(events.value()).join(u'\n')
                                : QString::fromStdString(events.error().message);
    if (text == log_->toPlainText()) return;  // keeps where the reader scrolled to
    log_->setPlainText(text);
    log_->moveCursor(QTextCursor::End);  // the newest event in view, read from its first column
    log_->moveCursor(QTextCursor::StartOfLine);
}

}  // namespace mtrec::ui
