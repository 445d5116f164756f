#pragma once

#include <QList>
#include <QObject>
#include <QStringList>
#include <optional>

#include "child_job.h"
#include "run_progress.h"

namespace mtrec::ui {

/// Trains the runs it is given one after another, each in a child `mtrec` process that the GUI
/// follows: `<program> runs resume <id> <extraArguments...>` (a queued run starts, an interrupted
/// or cancelled one continues from its checkpoint). Training in a child keeps LibTorch's
/// process-wide thread settings and any crash out of the GUI, and the store stays the truth: the
/// child writes the run, the GUI reads it like runs written by any other process.
///
/// Each child is a ChildJob, which parses and paces its progress. Lives on the GUI thread; its
/// signals are emitted there. Nothing blocks the event loop except stopAndWait.
class RunQueue : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinReportIntervalMs = ChildJob::kMinReportIntervalMs;

    RunQueue(QString program, QStringList extraArguments, QObject* parent = nullptr);
    ~RunQueue() override;

    /// Appends a run (by id) to the queue; starts it when nothing runs.
    void enqueue(qint64 runId);
    /// Asks the running child to stop (SIGTERM: it checkpoints and ends the run cancelled).
    void cancelCurrent();
    /// Empties the queue and cancels the running child.
    void cancelAll();
    /// For closing the window: cancelAll, then waits up to `msecs` for the child to end, killing it
    /// after that. Returns whether it ended by itself.
    bool stopAndWait(int msecs);

    bool isBusy() const { return current_.has_value(); }
    std::optional<qint64> currentRun() const { return current_; }
    QList<qint64> pendingRuns() const { return pending_; }

Q_SIGNALS:
    void runStarted(qint64 runId);
    void progress(const mtrec::ui::RunProgress& report);
    /// `message`: why a run failed (the child's error, or how the process died); empty otherwise.
    void runEnded(qint64 runId, mtrec::ui::RunEnd end, const QString& message);
    void queueChanged();

private:
    void startNext();
    void endCurrent(RunEnd end, const QString& message);

    QString program_;
    QStringList extraArguments_;
    QList<qint64> pending_;
    std::optional<qint64> current_;
    ChildJob* job_ = nullptr;  ///< the running child's, while one runs
};

}  // namespace mtrec::ui
