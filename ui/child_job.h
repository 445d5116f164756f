#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>
#include <optional>

#include "run_progress.h"

namespace mtrec::ui {

/// How a child's job ended, as the GUI tells it.
enum class RunEnd { Finished, Cancelled, Failed };

/// One child `mtrec ... --progress jsonl` process that the GUI follows: a training run of the
/// queue (`runs resume ID`) or a protocol (`demo --quick`). The child prints one JSON object a line
/// (parseRunProgress); they reach `progress` at most every kMinReportIntervalMs, except that a
/// change of phase or of a protocol's run, a validation result and the end always go out at once,
/// preceded by the newest report held back (so a phase's last step is never lost). Lives on the
/// GUI thread; nothing blocks the event loop except stopAndWait. Each object runs one child.
class ChildJob : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinReportIntervalMs = 100;

    ChildJob(QString program, QStringList arguments, QObject* parent = nullptr);
    /// Stops a child still running (SIGTERM, then SIGKILL after 5 s) without emitting anything.
    ~ChildJob() override;

    void start();
    /// Asks the child to stop (SIGTERM: a training checkpoints and ends cancelled).
    void cancel();
    /// cancel(), then waits up to `msecs` for the child to end, killing it after that. Returns
    /// whether it ended by itself.
    bool stopAndWait(int msecs);

    /// The child's end line, once it printed one (a protocol's run ids are in it).
    const std::optional<RunProgress>& endReport() const { return endReport_; }

Q_SIGNALS:
    void progress(const mtrec::ui::RunProgress& report);
    /// Emitted once. `message`: why it failed (the child's error, or how the process died).
    void ended(mtrec::ui::RunEnd end, const QString& message);

private:
    void readOutput();
    void readErrors();
    void deliver(const RunProgress& report);
    void flushPending();
    void childFinished(int exitCode, QProcess::ExitStatus status);
    void childFailedToStart(QProcess::ProcessError error);
    void end(RunEnd end, const QString& message);

    QString program_;
    QStringList arguments_;
    QProcess* process_ = nullptr;
    bool cancelRequested_ = false;
    std::optional<RunProgress> endReport_;  ///< the child's own account of how it ended
    QStringList errorLines_;                ///< the child's last stderr lines
    QByteArray errorTail_;                  ///< stderr read but not yet ended by a newline
    QString lastPhase_;
    qint64 lastRunIndex_ = 0;
    QElapsedTimer sinceReport_;
    std::optional<RunProgress> heldReport_;  ///< the newest report not yet delivered
    QTimer flushTimer_;
};

}  // namespace mtrec::ui

Q_DECLARE_METATYPE(mtrec::ui::RunEnd)
