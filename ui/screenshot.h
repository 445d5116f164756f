#pragma once

#include <QSize>
#include <QString>

class QWidget;

namespace mtrec::ui {

/// Parses "WxH" (e.g. "1280x800", both 200..8000 pixels); an invalid QSize otherwise.
QSize parseScreenshotSize(const QString& text);

/// Lays `widget` out at `size`, shows it (the offscreen platform works), lets pending events run,
/// and saves what it draws to `file` as PNG. Returns an empty string, or why the file was not
/// written.
QString saveScreenshot(QWidget& widget, QSize size, const QString& file);

}  // namespace mtrec::ui
