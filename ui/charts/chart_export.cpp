#include "charts/chart_export.h"

#include <qcustomplot.h>

#include <QFile>
#include <QImage>
#include <QLocale>
#include <QSaveFile>
#include <cmath>

namespace mtrec::ui {

bool exportPng(QCustomPlot* plot, const QString& path, QSize pixels, int dpi) {
    if (!plot || pixels.isEmpty() || dpi <= 0) return false;
    const double scale = dpi / 96.0;
    const QSize logical(std::max(1, int(std::lround(pixels.width() / scale))),
                        std::max(1, int(std::lround(pixels.height() / scale))));
    // Lay the plot out at the logical size first so size-dependent decorations (cell text) follow.
    const QRect oldViewport = plot->viewport();
    plot->setViewport(QRect(QPoint(0, 0), logical));
    plot->replot(QCustomPlot::rpImmediateRefresh);

    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QCPPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        if (scale > 1.0) painter.setMode(QCPPainter::pmNonCosmetic);
        painter.scale(double(pixels.width()) / logical.width(),
                      double(pixels.height()) / logical.height());
        plot->toPainter(&painter, logical.width(), logical.height());
    }
    // Lay out at the widget's size again now, so hit-testing right after an export is right.
    plot->setViewport(oldViewport);
    plot->replot();

    const int dotsPerMeter = int(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image.save(path, "PNG");
}

bool exportPdf(QCustomPlot* plot, const QString& path, QSize size) {
    if (!plot || size.isEmpty()) return false;
    const QRect oldViewport = plot->viewport();
    plot->setViewport(QRect(QPoint(0, 0), size));
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const bool ok = plot->savePdf(path, size.width(), size.height(), QCP::epNoCosmetic,
                                  QStringLiteral("mTREC Workbench"));
    // Lay out at the widget's size again now, so hit-testing right after an export is right.
    plot->setViewport(oldViewport);
    plot->replot();
    return ok;
}

QString csvField(const QString& field) {
    const bool quote = field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) ||
                       field.contains(QLatin1Char('\r')) || field.contains(QLatin1Char('\n'));
    if (!quote) return field;
    QString escaped = field;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString csvText(const std::vector<QStringList>& rows) {
    QString text;
    for (const QStringList& row : rows) {
        QStringList fields;
        fields.reserve(row.size());
        for (const QString& field : row) fields << csvField(field);
        text += fields.join(QLatin1Char(',')) + QLatin1String("\r\n");
    }
    return text;
}

QString csvNumber(double value) {
    if (!std::isfinite(value)) return {};
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

bool writeTextFile(const QString& path, const QString& text, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        if (error) *error = QStringLiteral("could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

}  // namespace mtrec::ui
