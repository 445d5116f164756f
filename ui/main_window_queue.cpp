// The queue side of the main window: training runs in child processes, their progress in the
// status bar, and queueing runs from the Setup form or from a stored run's config.
#include <QCoreApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

#include "child_job.h"
#include "experiment/training_run.h"
#include "main_window.h"
#include "run_progress.h"
#include "run_queue.h"
#include "run_view.h"
#include "setup/setup_form.h"
#include "welcome_page.h"

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

namespace {

/// What a run's report says after its name: "training step 12/200 · loss 0.412 · ...".
QString phaseText(const RunProgress& report) {
    QString text = report.phase;
    if (report.phase == QLatin1String("training") && report.total > 0)
        text += MainWindow::tr(" step %1/%2 · loss %3 · %4 ex/s · ETA %5 s")
                    .arg(report.step)
                    .arg(report.total)
                    .arg(report.loss, 0, 'f', 3)
                    .arg(report.examplesPerSecond, 0, 'f', 0)
                    .arg(report.etaSeconds, 0, 'f', 0);
    else if (report.total > 0)
        text += QStringLiteral(" %1 %2/%3").arg(report.suite).arg(report.done).arg(report.total);
    return text;
}

/// The first id of the protocol run whose name ends in `suffix` ("-hybrid"), or 0.
qint64 firstRunEndingIn(const QHash<QString, QList<qint64>>& runs, const QString& suffix) {
    for (auto it = runs.begin(); it != runs.end(); ++it)
        if (it.key().endsWith(suffix) && !it.value().isEmpty()) return it.value().first();
    return 0;
}

}  // namespace

void MainWindow::showQueueProgress(const RunProgress& report) {
    QString text = tr("Run #%1 — %2").arg(report.runId).arg(phaseText(report));
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
    if (!queue_->isBusy() && !demo_) return true;
    const QString what = demo_ ? tr("The quick demo is running.")
                               : tr("Run #%1 is training.").arg(queue_->currentRun().value_or(0));
    const auto answer = QMessageBox::question(
        this, tr("A run is training"),
        tr("%1 %2 Stop it now? It keeps a checkpoint and can be resumed later.").arg(what, why));
    if (answer != QMessageBox::Yes) return false;
    if (queue_->isBusy()) queue_->stopAndWait(60000);
    if (demo_) demo_->stopAndWait(60000);  // its child writes to this database: stop it too
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

void MainWindow::buildQuickDemo() {
    connect(welcome_, &WelcomePage::quickDemoRequested, this, &MainWindow::runQuickDemo);
    demoCancel_ = new QPushButton(tr("Cancel the demo"), this);
    demoCancel_->setObjectName(QStringLiteral("cancelQuickDemo"));
    demoCancel_->hide();
    connect(demoCancel_, &QPushButton::clicked, this, [this] {
        if (demo_) demo_->cancel();
    });
    statusBar()->addPermanentWidget(demoCancel_);
}

bool MainWindow::runQuickDemo() {
    if (demo_) {
        statusBar()->showMessage(tr("The quick demo is running already"));
        return false;
    }
    const QStringList arguments{
        QStringLiteral("demo"),       QStringLiteral("--quick"),
        QStringLiteral("--db"),       QString::fromStdString(store_->path()),
        QStringLiteral("--progress"), QStringLiteral("jsonl")};
    demo_ = new ChildJob(trainerProgram_, arguments, this);
    connect(demo_, &ChildJob::progress, this, &MainWindow::showDemoProgress);
    connect(demo_, &ChildJob::ended, this, &MainWindow::quickDemoEnded);
    queueLabel_->setText(tr("Quick demo: starting…"));
    demoCancel_->show();
    demo_->start();
    return true;
}

void MainWindow::showDemoProgress(const RunProgress& report) {
    QString text = tr("Quick demo");
    if (report.runCount > 0) text += tr(", run %1 of %2").arg(report.runIndex).arg(report.runCount);
    if (report.runId > 0) text += tr(" (#%1)").arg(report.runId);
    queueLabel_->setText(text + QStringLiteral(" — ") + phaseText(report));
    if (report.phase == QLatin1String("done")) followChanges();  // a run landed: show it now
}

void MainWindow::quickDemoEnded(RunEnd end, const QString& message) {
    const std::optional<RunProgress> endReport = demo_->endReport();
    demo_->deleteLater();
    demo_ = nullptr;
    demoCancel_->hide();
    queueLabel_->clear();
    followChanges();
    if (end == RunEnd::Cancelled)
        return statusBar()->showMessage(
            tr("Quick demo cancelled; Run → Run the quick demo continues where it stopped"));
    if (end == RunEnd::Failed)
        return statusBar()->showMessage(tr("Quick demo failed: %1").arg(message));
    statusBar()->showMessage(tr("Quick demo finished"));
    if (!endReport) return;
    const qint64 hybrid = firstRunEndingIn(endReport->runsByName, QStringLiteral("-hybrid"));
    const qint64 multitask = firstRunEndingIn(endReport->runsByName, QStringLiteral("-multitask"));
    if (hybrid == 0 || multitask == 0) return;
    selectRuns({hybrid, multitask});
    showView(QStringLiteral("compare"));
}

}  // namespace mtrec::ui
