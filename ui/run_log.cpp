#include "run_log.h"

#include <QDateTime>
#include <QObject>

namespace mtrec::ui {
namespace {

QString timeColumn(const std::optional<std::int64_t>& atMs) {
    constexpr int kWidth = 20;  // "yyyy-MM-dd HH:mm:ssZ"
    if (!atMs) return QString(kWidth, u' ');
    return QDateTime::fromMSecsSinceEpoch(*atMs, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"));
}

QString what(const store::RunEvent& event) {
    const QString text = QString::fromStdString(event.text);
    using Kind = store::RunEventKind;
    switch (event.kind) {
        case Kind::Created:
            return QObject::tr("created");
        case Kind::Started:
            return QObject::tr("started");
        case Kind::Resumed:
            return text;
        case Kind::Validated:
            return QObject::tr("step %1: validation loss %2")
                .arg(event.step.value_or(0))
                .arg(event.value.value_or(0.0), 0, 'f', 4);
        case Kind::Evaluated:
            return QObject::tr("evaluated on %1 (%2 cells)").arg(text).arg(event.value.value_or(0));
        case Kind::Noted:
            return QObject::tr("note: %1").arg(text);
        case Kind::Checkpointed:
            return QObject::tr("latest checkpoint: %1").arg(text);
        case Kind::Ended:
            return QObject::tr("ended: %1").arg(text);
    }
    return text;
}

}  // namespace

QString runLogLine(const store::RunEvent& event) {
    return timeColumn(event.atMs) + QStringLiteral("  ") + what(event);
}

QStringList runLogLines(const std::vector<store::RunEvent>& events) {
    QStringList lines;
    for (const store::RunEvent& event : events) lines.append(runLogLine(event));
    return lines;
}

}  // namespace mtrec::ui
