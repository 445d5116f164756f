#include "text_wrap.h"

#include <QFontMetrics>
#include <QStringList>

namespace mtrec::ui {

namespace {

bool breaksAfter(QChar c) {
    return c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('/');
}

/// `word` in pieces no wider than `width`: each ends after the last '-', '_' or '/' that fits (a
/// run name's separators), else where the width runs out; at least one character a piece.
QStringList splitWord(const QString& word, const QFontMetrics& metrics, int width) {
    QStringList pieces;
    QString rest = word;
    while (rest.size() > 1 && metrics.horizontalAdvance(rest) > width) {
        int fit = 1;
        while (fit < rest.size() && metrics.horizontalAdvance(rest.left(fit + 1)) <= width) ++fit;
        int cut = fit;
        for (int i = fit; i > 1; --i) {
            if (breaksAfter(rest.at(i - 1))) {
                cut = i;
                break;
            }
        }
        pieces << rest.left(cut);
        rest = rest.mid(cut);
    }
    pieces << rest;
    return pieces;
}

QString wrapLine(const QString& line, const QFontMetrics& metrics, int width) {
    QStringList lines;
    QString current;
    for (const QString& whole : line.split(QLatin1Char(' '))) {
        QStringList pieces = splitWord(whole, metrics, width);
        if (pieces.size() > 1) {  // an over-wide word starts a line and fills whole ones
            if (!current.isEmpty()) lines << current;
            const QString last = pieces.takeLast();
            lines << pieces;
            current = last;
            continue;
        }
        const QString& word = pieces.front();
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
