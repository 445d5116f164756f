#include <qcustomplot.h>

#include <QImage>
#include <QTemporaryDir>
#include <QtTest>
#include <set>

#include "charts/chart_export.h"
#include "charts/heatmap_controller.h"
#include "heatmap_test_data.h"

class ChartExportTest : public QObject {
    Q_OBJECT

    static int distinctColours(const QImage& image) {
        std::set<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3) colours.insert(image.pixel(x, y));
        return int(colours.size());
    }

private Q_SLOTS:
    void pngHasRequestedPixelsAndDpi_data() {
        QTest::addColumn<QSize>("pixels");
        QTest::addColumn<int>("dpi");
        QTest::newRow("1200x900 at 96 dpi") << QSize(1200, 900) << 96;
        QTest::newRow("1200x900 at 300 dpi") << QSize(1200, 900) << 300;
        QTest::newRow("1000x707 at 150 dpi (rounding)") << QSize(1000, 707) << 150;
    }
    void pngHasRequestedPixelsAndDpi() {
        QFETCH(QSize, pixels);
        QFETCH(int, dpi);
        QTemporaryDir dir;
        QCustomPlot plot;  // never shown
        mtrec::ui::HeatmapController controller(&plot);
        controller.setData(mtrec::ui::testdata::mapMatrix());
        const QRect viewport = plot.viewport();
        const QString path = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY(mtrec::ui::exportPng(&plot, path, pixels, dpi));
        const QImage image(path);
        QCOMPARE(image.size(), pixels);
        QCOMPARE(image.dotsPerMeterX(), qRound(dpi / 0.0254));
        QCOMPARE(image.pixel(0, 0), qRgb(255, 255, 255));  // white background, no chrome
        QCOMPARE(image.pixel(pixels.width() - 1, pixels.height() - 1), qRgb(255, 255, 255));
        QVERIFY(distinctColours(image) > 20);  // cells, text, colour bar: not one flat colour
        QCOMPARE(plot.viewport(), viewport);   // the widget's own layout is restored
        const QRectF cell = controller.cellRect(0, 0);
        QVERIFY(viewport.contains(cell.toRect()));
        QCOMPARE(controller.cellAt(cell.center())->row, 0);
    }

    void pdfStartsWithMagic() {
        QTemporaryDir dir;
        QCustomPlot plot;
        mtrec::ui::HeatmapController controller(&plot);
        controller.setData(mtrec::ui::testdata::mapMatrix());
        const QString path = dir.filePath(QStringLiteral("chart.pdf"));
        QVERIFY(mtrec::ui::exportPdf(&plot, path, QSize(800, 600)));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(5), QByteArray("%PDF-"));
        QVERIFY(file.size() > 1000);
    }

    void unwritablePathFails() {
        QCustomPlot plot;
        QVERIFY(!mtrec::ui::exportPng(&plot, QStringLiteral("/nonexistent/dir/x.png"),
                                      QSize(100, 100)));
        QString error;
        QVERIFY(!mtrec::ui::writeTextFile(QStringLiteral("/nonexistent/dir/x.csv"),
                                          QStringLiteral("a"), &error));
        QVERIFY(error.contains(QStringLiteral("/nonexistent/dir/x.csv")));
    }

    void csvField_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "en"
                               << "en";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("comma") << "a,b"
                               << "\"a,b\"";
        QTest::newRow("quote") << "say \"hi\""
                               << "\"say \"\"hi\"\"\"";
        QTest::newRow("newline") << "a\nb"
                                 << "\"a\nb\"";
        QTest::newRow("carriage return") << "a\rb"
                                         << "\"a\rb\"";
        QTest::newRow("unicode") << "Δ mAP"
                                 << "Δ mAP";
    }
    void csvField() {
        QFETCH(QString, field);
        QFETCH(QString, expected);
        QCOMPARE(mtrec::ui::csvField(field), expected);
    }

    void csvTextEndsEveryRecordWithCrLf() {
        const QString text = mtrec::ui::csvText(
            {{QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("1,5"), QString()}});
        QCOMPARE(text, QStringLiteral("a,b\r\n\"1,5\",\r\n"));
    }

    void csvNumber_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("0.1") << 0.1 << "0.1";
        QTest::newRow("count") << 1190.0 << "1190";
        QTest::newRow("small") << 3e-05 << "3e-05";
        QTest::newRow("negative") << -0.0125 << "-0.0125";
        QTest::newRow("nan") << std::nan("") << "";
        QTest::newRow("inf") << qInf() << "";
    }
    void csvNumber() {
        QFETCH(double, value);
        QFETCH(QString, expected);
        QCOMPARE(mtrec::ui::csvNumber(value), expected);
    }

    void writeTextFileWritesUtf8() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.csv"));
        QVERIFY(mtrec::ui::writeTextFile(path, QStringLiteral("Δ,1\r\n")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("\xce\x94,1\r\n"));
    }
};

QTEST_MAIN(ChartExportTest)
#include "chart_export_test.moc"
