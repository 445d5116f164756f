#include "text_wrap.h"

#include <QFontMetrics>
#include <QStringList>

namespace mtrec::ui {

namespace {

QString wrapLine(const QString& line, const QFontMetrics& metrics, int width) {
    QStringList lines;
    QString current;
    for (const QString& word : line.split(QLatin1Char(' '))) {
        const QString candidate = current.isEmpty() ? word : current + QLatin1Char(' ') + word;
        if (current.isEmpty() || metrics.horizontalAdvance(candidate) <= width) {
            current = candidate;
        } else {
            lines << current;
            current = word;
        }
    }
    lines << current;
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

QString wrapToWidth(const QString& text, const QFont& font, int width) {
    const QFontMetrics metrics(font);
    QStringList lines;
    for (const QString& line : text.split(QLatin1Char('\n')))
        lines << wrapLine(line, metrics, width);
    return lines.join(QLatin1Char('\n'));
}

}  // namespace mtrec::ui
