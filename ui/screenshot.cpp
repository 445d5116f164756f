#include "screenshot.h"

#include <QApplication>
#include <QPixmap>
#include <QRegularExpression>
#include <QWidget>

namespace mtrec::ui {

QSize parseScreenshotSize(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("^(\\d{3,4})x(\\d{3,4})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) return {};
    const QSize size(match.captured(1).toInt(), match.captured(2).toInt());
    const bool inRange = size.width() >= 200 && size.height() >= 200 && size.width() <= 8000 &&
                         size.height() <= 8000;
    return inRange ? size : QSize();
}

QString saveScreenshot(QWidget& widget, QSize size, const QString& file) {
    widget.resize(size);
    widget.show();
    // Two rounds: the first lays out and polishes, the second delivers what that posted.
    QApplication::processEvents();
    QApplication::processEvents();
    const QPixmap pixmap = widget.grab();
    if (pixmap.isNull()) return QObject::tr("nothing was drawn");
    if (!pixmap.save(file, "PNG"))
        return QObject::tr("cannot write %1 (is the folder there and writable?)").arg(file);
    return {};
}

}  // namespace mtrec::ui
