#include "run_progress.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mtrec::ui {

std::optional<RunProgress> parseRunProgress(const QByteArray& line) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(line.trimmed(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) return std::nullopt;
    const QJsonObject o = document.object();
    RunProgress p;
    p.runId = o.value(QStringLiteral("run_id")).toInteger();
    p.phase = o.value(QStringLiteral("phase")).toString();
    p.step = o.value(QStringLiteral("step")).toInteger();
    p.totalSteps = o.value(QStringLiteral("total_steps")).toInteger();
    p.done = o.value(QStringLiteral("done")).toInteger();
    p.total = o.value(QStringLiteral("total")).toInteger();
    p.loss = o.value(QStringLiteral("loss")).toDouble();
    p.learningRate = o.value(QStringLiteral("lr")).toDouble();
    p.examplesPerSecond = o.value(QStringLiteral("examples_per_second")).toDouble();
    p.etaSeconds = o.value(QStringLiteral("eta_seconds")).toDouble();
    p.suite = o.value(QStringLiteral("suite")).toString();
    if (o.contains(QStringLiteral("validation_loss")))
        p.validationLoss = o.value(QStringLiteral("validation_loss")).toDouble();
    if (o.contains(QStringLiteral("validation_cross_mrr")))
        p.validationCrossMrr = o.value(QStringLiteral("validation_cross_mrr")).toDouble();
    p.end = o.value(QStringLiteral("end")).toBool();
    p.status = o.value(QStringLiteral("status")).toString();
    p.message = o.value(QStringLiteral("message")).toString();
    p.runIndex = o.value(QStringLiteral("run_index")).toInteger();
    p.runCount = o.value(QStringLiteral("run_count")).toInteger();
    const QJsonObject runs = o.value(QStringLiteral("runs")).toObject();
    for (auto it = runs.begin(); it != runs.end(); ++it)
        for (const QJsonValue id : it.value().toArray())
            p.runsByName[it.key()].append(id.toInteger());
    return p;
}

}  // namespace mtrec::ui
