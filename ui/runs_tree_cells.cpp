#include "runs_tree_cells.h"

#include <QPainter>
#include <QPixmap>
#include <QPolygonF>
#include <QStringList>
#include <cmath>

namespace mtrec::ui {

QString valueText(double value, int decimals) {
    return QString::number(value, 'f', decimals);
}

QString meanStdText(double mean, double std, int decimals) {
    if (std::isnan(std)) return valueText(mean, decimals);
    return QStringLiteral("%1 ± %2").arg(valueText(mean, decimals), valueText(std, decimals));
}

QString deltaText(double delta, int decimals) {
    const double unit = std::pow(10.0, -decimals) / 2.0;
    if (std::abs(delta) < unit) delta = 0.0;  // no "-0.000"
    return (delta < 0.0 ? QStringLiteral("-") : QStringLiteral("+")) +
           valueText(std::abs(delta), decimals);
}

QString durationText(std::int64_t milliseconds) {
    const std::int64_t seconds = std::max<std::int64_t>(0, milliseconds / 1000);
    const auto two = [](std::int64_t n) {
        return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0'));
    };
    if (seconds < 60) return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 3600) return QStringLiteral("%1 m %2 s").arg(seconds / 60).arg(two(seconds % 60));
    if (seconds < 86400)
        return QStringLiteral("%1 h %2 m").arg(seconds / 3600).arg(two(seconds / 60 % 60));
    return QStringLiteral("%1 d %2 h").arg(seconds / 86400).arg(two(seconds / 3600 % 24));
}

QString stepsText(std::optional<std::int64_t> done, std::optional<std::int64_t> total) {
    if (!total) return done ? QString::number(*done) : QString();
    return QStringLiteral("%1/%2")
        .arg(done ? QString::number(*done) : QStringLiteral("—"))
        .arg(*total);
}

QColor statusColor(store::RunStatus status) {
    switch (status) {
        case store::RunStatus::Queued:
            return QColor(0x8a, 0x8a, 0x8a);
        case store::RunStatus::Running:
            return QColor(0x1f, 0x77, 0xb4);
        case store::RunStatus::Finished:
            return QColor(0x2c, 0xa0, 0x2c);
        case store::RunStatus::Failed:
            return QColor(0xd6, 0x27, 0x28);
        case store::RunStatus::Cancelled:
            return QColor(0xff, 0x7f, 0x0e);
        case store::RunStatus::Interrupted:
            return QColor(0x94, 0x67, 0xbd);
    }
    return QColor(Qt::gray);
}

QIcon statusIcon(store::RunStatus status) {
    QPixmap dot(12, 12);
    dot.fill(Qt::transparent);
    QPainter painter(&dot);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(statusColor(status));
    painter.drawEllipse(QRectF(1.5, 1.5, 9.0, 9.0));
    return QIcon(dot);
}

QIcon contaminatedIcon() {
    QPixmap triangle(12, 12);
    triangle.fill(Qt::transparent);
    QPainter painter(&triangle);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xE6, 0x9F, 0x00));  // amber, apart from every status colour
    painter.drawPolygon(QPolygonF({QPointF(6.0, 1.0), QPointF(11.0, 11.0), QPointF(1.0, 11.0)}));
    painter.setPen(QPen(Qt::black, 1.4));
    painter.drawLine(QPointF(6.0, 4.5), QPointF(6.0, 8.0));
    painter.drawPoint(QPointF(6.0, 9.6));
    return QIcon(triangle);
}

QString contaminationText(const store::RunRecord& run) {
    QStringList lines;
    for (const store::SuiteContamination& record : run.contaminated)
        lines.append(QString::fromStdString(record.marker() + ": " + record.description));
    return lines.join(u'\n');
}

}  // namespace mtrec::ui
