#pragma once

#include <QSize>
#include <QString>
#include <QStringList>
#include <vector>

class QCustomPlot;

namespace mtrec::ui {

/// Writes `plot` as a PNG of exactly `pixels` pixels at `dpi` (stored in the file): the plot is
/// laid out at pixels × 96 / dpi device-independent pixels and drawn scaled by dpi / 96, so fonts
/// keep their physical size. White background whatever the widget's; only the plot (no UI chrome).
/// Works on a plot that was never shown. False if the file cannot be written.
bool exportPng(QCustomPlot* plot, const QString& path, QSize pixels, int dpi = 96);
/// Writes `plot` as a vector PDF laid out at `size` device-independent pixels, white background.
bool exportPdf(QCustomPlot* plot, const QString& path, QSize size);

/// One RFC 4180 field: quoted when it holds a comma, a double quote, CR or LF; quotes doubled.
QString csvField(const QString& field);
/// RFC 4180 text: fields joined by commas, every record ended by CRLF.
QString csvText(const std::vector<QStringList>& rows);
/// The shortest text that reads back as `value`; empty for NaN or infinity.
QString csvNumber(double value);
/// Writes `text` as UTF-8 (no BOM). On failure returns false and sets *error when given.
bool writeTextFile(const QString& path, const QString& text, QString* error = nullptr);

}  // namespace mtrec::ui
