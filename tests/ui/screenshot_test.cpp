#include <QImage>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>

#include "screenshot.h"

class ScreenshotTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesSizes_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("typical") << QStringLiteral("1280x800") << QSize(1280, 800);
        QTest::newRow("smallest") << QStringLiteral("200x200") << QSize(200, 200);
        QTest::newRow("largest") << QStringLiteral("8000x8000") << QSize(8000, 8000);
        QTest::newRow("too small") << QStringLiteral("199x800") << QSize();
        QTest::newRow("too large") << QStringLiteral("9000x800") << QSize();
        QTest::newRow("no height") << QStringLiteral("1280x") << QSize();
        QTest::newRow("capital X") << QStringLiteral("1280X800") << QSize();
        QTest::newRow("negative") << QStringLiteral("-1280x800") << QSize();
        QTest::newRow("empty") << QString() << QSize();
    }

    void parsesSizes() {
        QFETCH(QString, text);
        QFETCH(QSize, expected);
        QCOMPARE(mtrec::ui::parseScreenshotSize(text), expected);
    }

    void savesAPngOfTheRequestedSize() {
        QTemporaryDir dir;
        QLabel label(QStringLiteral("mTREC"));
        label.setStyleSheet(QStringLiteral("background: white; color: black; font-size: 40px"));
        const QString file = dir.filePath(QStringLiteral("shot.png"));
        QCOMPARE(mtrec::ui::saveScreenshot(label, QSize(320, 240), file), QString());
        const QImage image(file);
        QCOMPARE(image.size(), QSize(320, 240));
        // The text was drawn: some pixel differs from the white background.
        bool drawn = false;
        for (int y = 0; y < image.height() && !drawn; ++y)
            for (int x = 0; x < image.width() && !drawn; ++x)
                drawn = image.pixelColor(x, y) != QColor(Qt::white);
        QVERIFY(drawn);
    }

    void saysWhyWhenTheFileCannotBeWritten() {
        QLabel label(QStringLiteral("mTREC"));
        const QString problem =
            mtrec::ui::saveScreenshot(label, QSize(320, 240), QStringLiteral("/no/such/dir/a.png"));
        QVERIFY(problem.contains(QStringLiteral("/no/such/dir/a.png")));
    }
};

QTEST_MAIN(ScreenshotTest)
#include "screenshot_test.moc"
