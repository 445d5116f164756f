#include <qcustomplot.h>

#include <QtTest>
#include <cmath>

#include "charts/color_scale.h"

using mtrec::ui::ColorScale;

class ColorScaleTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void colorAt_data() {
        QTest::addColumn<QString>("scale");
        QTest::addColumn<double>("t");
        QTest::addColumn<QColor>("expected");
        // Endpoints and midpoint are published values (viridis entries 0, 128, 255; RdBu 11-class).
        QTest::newRow("viridis 0") << "viridis" << 0.0 << QColor(0x440154);
        QTest::newRow("viridis 128/255") << "viridis" << 128.0 / 255 << QColor(0x21918c);
        QTest::newRow("viridis 1") << "viridis" << 1.0 << QColor(0xfde725);
        // Halfway between entries 0 (68,1,84) and 16 (72,24,106), interpolated in sRGB.
        QTest::newRow("viridis 8/255") << "viridis" << 8.0 / 255 << QColor(70, 13, 95);
        QTest::newRow("viridis clamps below") << "viridis" << -3.0 << QColor(0x440154);
        QTest::newRow("viridis clamps above") << "viridis" << 7.0 << QColor(0xfde725);
        QTest::newRow("reversed 0") << "reversed" << 0.0 << QColor(0xfde725);
        QTest::newRow("reversed 1") << "reversed" << 1.0 << QColor(0x440154);
        QTest::newRow("redBlue 0") << "redBlue" << 0.0 << QColor(0x67001f);
        QTest::newRow("redBlue 0.5 (zero)") << "redBlue" << 0.5 << QColor(0xf7f7f7);
        QTest::newRow("redBlue 1") << "redBlue" << 1.0 << QColor(0x053061);
        // Between #f7f7f7 (0.5) and #d1e5f0 (0.6), 40 % of the way: (247 - 15.2, 247 - 7.2, 247
        // - 2.8).
        QTest::newRow("redBlue 0.54") << "redBlue" << 0.54 << QColor(232, 240, 244);
    }
    void colorAt() {
        QFETCH(QString, scale);
        QFETCH(double, t);
        QFETCH(QColor, expected);
        const ColorScale s = scale == QLatin1String("viridis")    ? ColorScale::viridis()
                             : scale == QLatin1String("reversed") ? ColorScale::viridis().reversed()
                                                                  : ColorScale::redBlue();
        QCOMPARE(s.colorAt(t).name(), expected.name());
    }

    void nanGivesInvalidColor() { QVERIFY(!ColorScale::viridis().colorAt(std::nan("")).isValid()); }

    void gradientMatchesStops() {
        QCPColorGradient gradient = ColorScale::viridis().toGradient();
        QCOMPARE(QColor(gradient.color(0.0, QCPRange(0, 1))).name(), QStringLiteral("#440154"));
        QCOMPARE(QColor(gradient.color(1.0, QCPRange(0, 1))).name(), QStringLiteral("#fde725"));
        QCOMPARE(gradient.nanHandling(), QCPColorGradient::nhTransparent);
        QCPColorGradient diverging = ColorScale::redBlue().toGradient();
        QCOMPARE(QColor(diverging.color(-0.2, QCPRange(-0.2, 0.2))).name(),
                 QStringLiteral("#67001f"));
        QCOMPARE(QColor(diverging.color(0.2, QCPRange(-0.2, 0.2))).name(),
                 QStringLiteral("#053061"));
    }

    void luminanceAndContrast() {
        QCOMPARE(mtrec::ui::relativeLuminance(Qt::white), 1.0);
        QCOMPARE(mtrec::ui::relativeLuminance(Qt::black), 0.0);
        QCOMPARE(mtrec::ui::contrastRatio(Qt::white, Qt::black), 21.0);
        // #777777: channel 119/255 -> linear 0.1845; the WCAG contrast with white is 4.48.
        QVERIFY(std::abs(mtrec::ui::relativeLuminance(QColor(0x777777)) - 0.1845) < 1e-3);
        QVERIFY(std::abs(mtrec::ui::contrastRatio(QColor(0x777777), Qt::white) - 4.48) < 0.01);
    }

    void textColor_data() {
        QTest::addColumn<QColor>("background");
        QTest::addColumn<QColor>("expected");
        QTest::newRow("viridis dark end") << QColor(0x440154) << QColor(Qt::white);
        QTest::newRow("viridis 0.25") << QColor(0x3b528b) << QColor(Qt::white);
        QTest::newRow("viridis middle") << QColor(0x21918c) << QColor(Qt::black);
        QTest::newRow("viridis light end") << QColor(0xfde725) << QColor(Qt::black);
        QTest::newRow("RdBu zero") << QColor(0xf7f7f7) << QColor(Qt::black);
        QTest::newRow("RdBu dark red") << QColor(0x67001f) << QColor(Qt::white);
        QTest::newRow("RdBu dark blue") << QColor(0x053061) << QColor(Qt::white);
        QTest::newRow("RdBu light red") << QColor(0xf4a582) << QColor(Qt::black);
    }
    void textColor() {
        QFETCH(QColor, background);
        QFETCH(QColor, expected);
        QCOMPARE(mtrec::ui::contrastTextColor(background), expected);
    }
};

QTEST_MAIN(ColorScaleTest)
#include "color_scale_test.moc"
