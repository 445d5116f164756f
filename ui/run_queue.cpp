#include "run_queue.h"

namespace mtrec::ui {

RunQueue::RunQueue(QString program, QStringList extraArguments, QObject* parent)
    : QObject(parent), program_(std::move(program)), extraArguments_(std::move(extraArguments)) {
    qRegisterMetaType<RunProgress>();
    qRegisterMetaType<RunEnd>();
}

// The running ChildJob is a child QObject: its destructor stops the child process silently.
RunQueue::~RunQueue() = default;

void RunQueue::enqueue(qint64 runId) {
    pending_.append(runId);
    Q_EMIT queueChanged();
    if (!isBusy()) startNext();
}

void RunQueue::cancelCurrent() {
    if (job_) job_->cancel();
}

void RunQueue::cancelAll() {
    pending_.clear();
    Q_EMIT queueChanged();
    cancelCurrent();
}

bool RunQueue::stopAndWait(int msecs) {
    pending_.clear();
    Q_EMIT queueChanged();
    if (!job_) return true;
    return job_->stopAndWait(msecs);
}

void RunQueue::startNext() {
    if (pending_.isEmpty()) return;
    const qint64 runId = pending_.takeFirst();
    current_ = runId;
    QStringList arguments{QStringLiteral("runs"), QStringLiteral("resume"), QString::number(runId)};
    arguments += extraArguments_;
    job_ = new ChildJob(program_, arguments, this);
    connect(job_, &ChildJob::progress, this, &RunQueue::progress);
    connect(job_, &ChildJob::ended, this, &RunQueue::endCurrent);
    Q_EMIT queueChanged();
    Q_EMIT runStarted(runId);
    job_->start();
}

void RunQueue::endCurrent(RunEnd end, const QString& message) {
    const qint64 runId = current_.value_or(0);
    current_.reset();
    job_->disconnect(this);
    job_->deleteLater();
    job_ = nullptr;
    Q_EMIT runEnded(runId, end, message);
    Q_EMIT queueChanged();
    startNext();
}

}  // namespace mtrec::ui
