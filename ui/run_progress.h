#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace mtrec::ui {

/// One progress report of a training child, as the GUI shows it: a small value copied across
/// threads and queued signals. Parsed from one JSON line of `mtrec ... --progress jsonl` (see
/// parseRunProgress).
struct RunProgress {
    qint64 runId = 0;
    QString phase;  ///< the job phase's name, e.g. "training", "embedding"
    qint64 step = 0;
    qint64 totalSteps = 0;
    qint64 done = 0;   ///< units of the phase done (steps, texts, evaluation steps)
    qint64 total = 0;  ///< units of the phase in all; 0 when unknown
    double loss = 0.0;
    double learningRate = 0.0;
    double examplesPerSecond = 0.0;
    double etaSeconds = 0.0;
    QString suite;  ///< the evaluation suite being worked on, if any
    std::optional<double> validationLoss;
    std::optional<double> validationCrossMrr;
    bool end = false;  ///< the child's last report: status holds how the run ended
    QString status;    ///< with end: "finished", "cancelled" or "failed"
    QString message;   ///< with end: the error text of a failed run; else a line for people
    /// Within a protocol (`mtrec demo`): the planned run, 1-based, and how many it plans.
    qint64 runIndex = 0;
    qint64 runCount = 0;
    /// With a protocol's end: the ids of its runs by run name ("demo-hybrid": [12]).
    QHash<QString, QList<qint64>> runsByName;
};

/// Reads one JSON object line; nullopt when the line is not one (the child's plain text lines).
std::optional<RunProgress> parseRunProgress(const QByteArray& line);

}  // namespace mtrec::ui

Q_DECLARE_METATYPE(mtrec::ui::RunProgress)
