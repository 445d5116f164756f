#include "run_queue.h"

namespace mtrec::ui {
namespace {

constexpr int kErrorLinesKept = 20;

}  // namespace

RunQueue::RunQueue(QString program, QStringList extraArguments, QObject* parent)
    : QObject(parent), program_(std::move(program)), extraArguments_(std::move(extraArguments)) {
    qRegisterMetaType<RunProgress>();
    qRegisterMetaType<RunEnd>();
    flushTimer_.setSingleShot(true);
    connect(&flushTimer_, &QTimer::timeout, this, &RunQueue::flushPending);
}

RunQueue::~RunQueue() {
    // Receivers may be half destroyed by now: stop the child without telling anyone.
    if (!process_) return;
    process_->disconnect(this);
    process_->terminate();
    if (!process_->waitForFinished(5000)) {
        process_->kill();
        process_->waitForFinished(1000);
    }
}

void RunQueue::enqueue(qint64 runId) {
    pending_.append(runId);
    Q_EMIT queueChanged();
    if (!isBusy()) startNext();
}

void RunQueue::cancelCurrent() {
    if (!process_) return;
    cancelRequested_ = true;
    process_->terminate();
}

void RunQueue::cancelAll() {
    pending_.clear();
    Q_EMIT queueChanged();
    cancelCurrent();
}

bool RunQueue::stopAndWait(int msecs) {
    cancelAll();
    if (!process_) return true;
    if (process_->waitForFinished(msecs)) return true;
    process_->kill();
    process_->waitForFinished(1000);
    return false;
}

void RunQueue::startNext() {
    if (pending_.isEmpty()) return;
    const qint64 runId = pending_.takeFirst();
    current_ = runId;
    cancelRequested_ = false;
    endReport_.reset();
    heldReport_.reset();
    errorLines_.clear();
    errorTail_.clear();
    lastPhase_.clear();

    process_ = new QProcess(this);
    connect(process_, &QProcess::readyReadStandardOutput, this, &RunQueue::readOutput);
    connect(process_, &QProcess::readyReadStandardError, this, &RunQueue::readErrors);
    connect(process_, &QProcess::finished, this, &RunQueue::childFinished);
    connect(process_, &QProcess::errorOccurred, this, &RunQueue::childFailedToStart);
    QStringList arguments{QStringLiteral("runs"), QStringLiteral("resume"), QString::number(runId)};
    arguments += extraArguments_;
    Q_EMIT queueChanged();
    Q_EMIT runStarted(runId);
    process_->start(program_, arguments);
}

void RunQueue::readOutput() {
    while (process_ && process_->canReadLine()) {
        std::optional<RunProgress> report = parseRunProgress(process_->readLine());
        if (!report) continue;
        if (report->end) {
            endReport_ = report;
            continue;
        }
        deliver(*report);
    }
}

void RunQueue::readErrors() {
    if (!process_) return;
    errorTail_ += process_->readAllStandardError();
    const bool ended = process_->state() == QProcess::NotRunning;
    qsizetype newline = 0;
    while ((newline = errorTail_.indexOf('\n')) >= 0 || (ended && !errorTail_.isEmpty())) {
        const qsizetype length = newline >= 0 ? newline : errorTail_.size();
        const QString line = QString::fromUtf8(errorTail_.left(length)).trimmed();
        errorTail_.remove(0, newline >= 0 ? newline + 1 : length);
        if (line.isEmpty()) continue;
        errorLines_.append(line);
        if (errorLines_.size() > kErrorLinesKept) errorLines_.removeFirst();
    }
}

void RunQueue::deliver(const RunProgress& report) {
    const bool mustGo = report.phase != lastPhase_ || report.validationLoss.has_value();
    const bool due = !sinceReport_.isValid() || sinceReport_.elapsed() >= kMinReportIntervalMs;
    lastPhase_ = report.phase;
    if (!mustGo && !due) {
        heldReport_ = report;
        if (!flushTimer_.isActive())
            flushTimer_.start(kMinReportIntervalMs - int(sinceReport_.elapsed()));
        return;
    }
    // The last report of the phase before it goes out first, so a phase ends on its last step.
    if (mustGo) flushPending();
    heldReport_.reset();
    flushTimer_.stop();
    sinceReport_.restart();
    Q_EMIT progress(report);
}

void RunQueue::flushPending() {
    if (!heldReport_) return;
    const RunProgress report = *heldReport_;
    heldReport_.reset();
    sinceReport_.restart();
    Q_EMIT progress(report);
}

void RunQueue::childFinished(int exitCode, QProcess::ExitStatus status) {
    readOutput();
    readErrors();
    flushPending();
    if (status == QProcess::CrashExit && !cancelRequested_)
        return endCurrent(RunEnd::Failed,
                          tr("the training process died (%1)").arg(process_->errorString()));
    if (endReport_) {
        if (endReport_->status == QLatin1String("finished"))
            return endCurrent(RunEnd::Finished, {});
        if (endReport_->status == QLatin1String("cancelled"))
            return endCurrent(RunEnd::Cancelled, {});
        return endCurrent(RunEnd::Failed, endReport_->message);
    }
    if (cancelRequested_) return endCurrent(RunEnd::Cancelled, {});
    if (exitCode == 0) return endCurrent(RunEnd::Finished, {});
    const QString why =
        errorLines_.isEmpty() ? tr("exit code %1").arg(exitCode) : errorLines_.last();
    endCurrent(RunEnd::Failed, why);
}

void RunQueue::childFailedToStart(QProcess::ProcessError error) {
    if (error != QProcess::FailedToStart) return;  // the other errors end in childFinished
    endCurrent(RunEnd::Failed, tr("cannot start %1: %2").arg(program_, process_->errorString()));
}

void RunQueue::endCurrent(RunEnd end, const QString& message) {
    const qint64 runId = current_.value_or(0);
    current_.reset();
    flushTimer_.stop();
    process_->disconnect(this);
    process_->deleteLater();
    process_ = nullptr;
    Q_EMIT runEnded(runId, end, message);
    Q_EMIT queueChanged();
    startNext();
}

}  // namespace mtrec::ui
