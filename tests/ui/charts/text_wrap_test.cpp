#include <QFontMetrics>
#include <QtTest>

#include "charts/text_wrap.h"

using mtrec::ui::wrapToWidth;

/// Chart titles and notes are wrapped by wrapToWidth; a run name longer than the chart is wide must
/// not set the chart's minimum width.
class TextWrapTest : public QObject {
    Q_OBJECT

    static int widest(const QString& text, const QFont& font) {
        const QFontMetrics metrics(font);
        int most = 0;
        for (const QString& line : text.split(QLatin1Char('\n')))
            most = std::max(most, metrics.horizontalAdvance(line));
        return most;
    }

private Q_SLOTS:
    void wrapsAtSpacesAndKeepsLineBreaks() {
        const QFont font;
        const int width = QFontMetrics(font).horizontalAdvance(QStringLiteral("alpha beta"));
        QCOMPARE(wrapToWidth(QStringLiteral("alpha beta gamma\ndelta"), font, width),
                 QStringLiteral("alpha beta\ngamma\ndelta"));
    }

    void breaksAnOverWideNameAfterItsSeparators() {
        const QFont font;
        const QFontMetrics metrics(font);
        const QString name = QStringLiteral("#5 mlqa-hybrid-batch128-lr1e-3-steps1500 − #7 b");
        const int width = metrics.horizontalAdvance(QStringLiteral("mlqa-hybrid-batch128-"));
        const QString wrapped = wrapToWidth(name, font, width);
        QVERIFY2(widest(wrapped, font) <= width, qPrintable(wrapped));
        // Nothing lost: the pieces joined again give the text back.
        QString joined = wrapped;
        QCOMPARE(joined.remove(QLatin1Char('\n')).remove(QLatin1Char(' ')),
                 QString(name).remove(QLatin1Char(' ')));
        QCOMPARE(wrapped.split(QLatin1Char('\n')).at(1), QStringLiteral("mlqa-hybrid-batch128-"));
    }

    void breaksAWordWithoutSeparatorsWhereTheWidthRunsOut() {
        const QFont font;
        const QString word(60, QLatin1Char('x'));
        const int width = QFontMetrics(font).horizontalAdvance(QString(10, QLatin1Char('x')));
        const QString wrapped = wrapToWidth(word, font, width);
        QVERIFY(widest(wrapped, font) <= width);
        QCOMPARE(QString(wrapped).remove(QLatin1Char('\n')), word);
        QVERIFY(wrapped.count(QLatin1Char('\n')) >= 5);
    }
};

QTEST_MAIN(TextWrapTest)
#include "text_wrap_test.moc"
