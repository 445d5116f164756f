// The queue side of the main window: training runs in child processes, their progress in the
// status bar, and queueing runs from the Setup form or from a stored run's config.
#include <QCoreApplication>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>

#include "experiment/training_run.h"
#include "main_window.h"
#include "run_progress.h"
#include "run_queue.h"
#include "run_view.h"
#include "setup/setup_form.h"

namespace mtrec::ui {

void MainWindow::setTrainerProgram(const QString& program) {
    createQueue(program);
}

void MainWindow::createQueue(const QString& program) {
    trainerProgram_ = program;
    delete queue_;
    queue_ = new RunQueue(program,
                          {QStringLiteral("--db"), QString::fromStdString(store_->path()),
                           QStringLiteral("--progress"), QStringLiteral("jsonl")},
                          this);
    connect(queue_, &RunQueue::progress, this, &MainWindow::showQueueProgress);
    connect(queue_, &RunQueue::progress, run_, &RunView::showProgress);
    connect(queue_, &RunQueue::runStarted, this, [this](qint64 runId) {
        followChanges();
        if (!selected_.isEmpty()) return;
        selectRuns({runId});
        showView(QStringLiteral("run"));
    });
    connect(queue_, &RunQueue::runEnded, this,
            [this](qint64 runId, RunEnd end, const QString& why) {
                if (end == RunEnd::Failed)
                    statusBar()->showMessage(tr("Run #%1 failed: %2").arg(runId).arg(why));
                queueLabel_->setText(queue_->isBusy() ? queueLabel_->text() : QString());
                followChanges();
            });
}

void MainWindow::showQueueProgress(const RunProgress& report) {
    QString text = tr("Run #%1 — %2").arg(report.runId).arg(report.phase);
    if (report.phase == QLatin1String("training") && report.total > 0)
        text += tr(" step %1/%2 · loss %3 · %4 ex/s · ETA %5 s")
                    .arg(report.step)
                    .arg(report.total)
                    .arg(report.loss, 0, 'f', 3)
                    .arg(report.examplesPerSecond, 0, 'f', 0)
                    .arg(report.etaSeconds, 0, 'f', 0);
    else if (report.total > 0)
        text += QStringLiteral(" %1 %2/%3").arg(report.suite).arg(report.done).arg(report.total);
    const int waiting = int(queue_->pendingRuns().size());
    if (waiting > 0) text += tr(" │ %1 queued").arg(waiting);
    queueLabel_->setText(text);
}

bool MainWindow::duplicateSelectedRun() {
    if (selected_.isEmpty()) return false;
    auto run = store_->runs().get(selected_.first());
    if (!run) return false;
    const nlohmann::json json = nlohmann::json::parse(run.value().configJson, nullptr, false);
    const experiment::ParsedTrainingConfig parsed = json.is_discarded()
                                                        ? experiment::ParsedTrainingConfig{}
                                                        : experiment::parseTrainingConfig(json);
    if (json.is_discarded() || json.contains("command") || !parsed.problems.empty()) {
        statusBar()->showMessage(
            tr("Run #%1 was not made from a training config").arg(run.value().id));
        return false;
    }
    setup_->setConfig(parsed.config);
    showView(QStringLiteral("setup"));
    return true;
}

bool MainWindow::stopTrainingFirst(const QString& why) {
    if (!queue_->isBusy()) return true;
    const auto answer = QMessageBox::question(
        this, tr("A run is training"),
        tr("Run #%1 is training. %2 Stop it now? It keeps a checkpoint and can be resumed later.")
            .arg(queue_->currentRun().value_or(0))
            .arg(why));
    if (answer != QMessageBox::Yes) return false;
    queue_->stopAndWait(60000);
    return true;
}

QList<qint64> MainWindow::queueRuns(const QList<experiment::TrainingConfig>& configs) {
    experiment::TrainingRunOptions options;
    options.databasePath = store_->path();
    options.baseDir = setup_->baseDir().toStdString();
    QList<qint64> queued;
    for (const experiment::TrainingConfig& config : configs) {
        auto checked = experiment::checkTrainingConfigValue(config, config.name, options.baseDir);
        auto id = experiment::queueTrainingRun(std::move(checked), options);
        if (!id) {
            QMessageBox::warning(this,
                                 tr("Cannot queue %1").arg(QString::fromStdString(config.name)),
                                 QString::fromStdString(id.error().message));
            continue;
        }
        queued.append(id.value());
        queue_->enqueue(id.value());
    }
    followChanges();
    return queued;
}

}  // namespace mtrec::ui
