#include "child_job.h"

namespace mtrec::ui {
namespace {

constexpr int kErrorLinesKept = 20;

}  // namespace

ChildJob::ChildJob(QString program, QStringList arguments, QObject* parent)
    : QObject(parent), program_(std::move(program)), arguments_(std::move(arguments)) {
    qRegisterMetaType<RunProgress>();
    qRegisterMetaType<RunEnd>();
    flushTimer_.setSingleShot(true);
    connect(&flushTimer_, &QTimer::timeout, this, &ChildJob::flushPending);
}

ChildJob::~ChildJob() {
    // Receivers may be half destroyed by now: stop the child without telling anyone.
    if (!process_) return;
    process_->disconnect(this);
    process_->terminate();
    if (!process_->waitForFinished(5000)) {
        process_->kill();
        process_->waitForFinished(1000);
    }
}

void ChildJob::start() {
    process_ = new QProcess(this);
    connect(process_, &QProcess::readyReadStandardOutput, this, &ChildJob::readOutput);
    connect(process_, &QProcess::readyReadStandardError, this, &ChildJob::readErrors);
    connect(process_, &QProcess::finished, this, &ChildJob::childFinished);
    connect(process_, &QProcess::errorOccurred, this, &ChildJob::childFailedToStart);
    // Idle OpenMP threads spin by default: on a busy 2-core machine the quick demo then took
    // 5 min 35 s and 286 s of CPU instead of 2 min 19 s and 54 s. Passive waiting, unless the
    // user chose otherwise; it must be set before the child loads the OpenMP runtime.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!environment.contains(QStringLiteral("OMP_WAIT_POLICY")))
        environment.insert(QStringLiteral("OMP_WAIT_POLICY"), QStringLiteral("PASSIVE"));
    process_->setProcessEnvironment(environment);
    process_->start(program_, arguments_);
}

void ChildJob::cancel() {
    if (!process_) return;
    cancelRequested_ = true;
    process_->terminate();
}

bool ChildJob::stopAndWait(int msecs) {
    cancel();
    if (!process_) return true;
    if (process_->waitForFinished(msecs)) return true;
    process_->kill();
    process_->waitForFinished(1000);
    return false;
}

void ChildJob::readOutput() {
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

void ChildJob::readErrors() {
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

void ChildJob::deliver(const RunProgress& report) {
    const bool mustGo = report.phase != lastPhase_ || report.runIndex != lastRunIndex_ ||
                        report.validationLoss.has_value();
    const bool due = !sinceReport_.isValid() || sinceReport_.elapsed() >= kMinReportIntervalMs;
    lastPhase_ = report.phase;
    lastRunIndex_ = report.runIndex;
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

void ChildJob::flushPending() {
    if (!heldReport_) return;
    const RunProgress report = *heldReport_;
    heldReport_.reset();
    sinceReport_.restart();
    Q_EMIT progress(report);
}

void ChildJob::childFinished(int exitCode, QProcess::ExitStatus status) {
    readOutput();
    readErrors();
    flushPending();
    if (status == QProcess::CrashExit && !cancelRequested_)
        return end(RunEnd::Failed, tr("the process died (%1)").arg(process_->errorString()));
    if (endReport_) {
        if (endReport_->status == QLatin1String("finished")) return end(RunEnd::Finished, {});
        if (endReport_->status == QLatin1String("cancelled")) return end(RunEnd::Cancelled, {});
        return end(RunEnd::Failed, endReport_->message);
    }
    if (cancelRequested_) return end(RunEnd::Cancelled, {});
    if (exitCode == 0) return end(RunEnd::Finished, {});
    const QString why =
        errorLines_.isEmpty() ? tr("exit code %1").arg(exitCode) : errorLines_.last();
    end(RunEnd::Failed, why);
}

void ChildJob::childFailedToStart(QProcess::ProcessError error) {
    if (error != QProcess::FailedToStart) return;  // the other errors end in childFinished
    end(RunEnd::Failed, tr("cannot start %1: %2").arg(program_, process_->errorString()));
}

void ChildJob::end(RunEnd end, const QString& message) {
    flushTimer_.stop();
    process_->disconnect(this);
    process_->deleteLater();
    process_ = nullptr;
    Q_EMIT ended(end, message);
}

}  // namespace mtrec::ui
