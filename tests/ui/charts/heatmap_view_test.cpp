#include <QImage>
#include <QMenu>
#include <QTemporaryDir>
#include <QtTest>

#include "charts/chart_export_menu.h"
#include "charts/heatmap_controller.h"
#include "charts/heatmap_view.h"
#include "heatmap_test_data.h"

using mtrec::ui::HeatmapData;
using mtrec::ui::HeatmapView;
namespace testdata = mtrec::ui::testdata;

class HeatmapViewTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void contextMenuOffersTheThreeExports() {
        HeatmapView view;
        QCOMPARE(view.contextMenuPolicy(), Qt::CustomContextMenu);
        const QList<QAction*> actions = view.exportMenu()->menu()->actions();
        QCOMPARE(actions.size(), 3);
        QCOMPARE(actions.at(0)->text(), QStringLiteral("Export PNG…"));
        QCOMPARE(actions.at(1)->text(), QStringLiteral("Export PDF…"));
        QCOMPARE(actions.at(2)->text(), QStringLiteral("Export CSV…"));
        QVERIFY(actions.at(2)->isEnabled());
    }

    void csvIsTheDataBehindTheChart() {
        HeatmapView view;
        HeatmapData data = testdata::mapMatrix();
        data.rowLabels[0] = QStringLiteral("en, \"US\"");  // quoting per RFC 4180
        view.setData(data);
        const QStringList lines = view.csv().split(QStringLiteral("\r\n"));
        QCOMPARE(lines.size(), 1 + 3 * 4 + 1);  // header, 12 cells, empty after the last CRLF
        QCOMPARE(lines.at(0),
                 QStringLiteral("query_language,candidate_language,value,query_count,mark"));
        QCOMPARE(lines.at(1), QStringLiteral("\"en, \"\"US\"\"\",en,0.3,1190,"));
        QCOMPARE(lines.at(2), QStringLiteral("\"en, \"\"US\"\"\",de,0.02,1190,*"));
        QCOMPARE(lines.at(4), QStringLiteral("\"en, \"\"US\"\"\",Mul,0.025,1190,"));
        QCOMPARE(lines.at(7), QStringLiteral("de,th,,,"));
        QCOMPARE(lines.at(12), QStringLiteral("th,Mul,0.03,1190,"));
        QVERIFY(lines.at(13).isEmpty());
    }

    void deltaCsvAddsBothValuesAndPValues() {
        HeatmapView view;
        view.setData(testdata::deltaMatrix());
        const QStringList lines = view.csv().split(QStringLiteral("\r\n"));
        QCOMPARE(lines.at(0),
                 QStringLiteral("query_language,candidate_language,value,query_count,mark,"
                                "value_a,value_b,p_raw,p_corrected"));
        QCOMPARE(lines.at(1),
                 QStringLiteral("en,en,-0.2,1190,,0.04999999999999999,0.25,0.004,0.048"));
    }

    void csvActionWritesTheFile() {
        QTemporaryDir dir;
        HeatmapView view;
        view.setData(testdata::mapMatrix());
        const QString path = dir.filePath(QStringLiteral("cells.csv"));
        QSignalSpy failed(view.exportMenu(), &mtrec::ui::ChartExportMenu::exportFailed);
        QVERIFY(view.exportMenu()->writeCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), view.csv());
        QCOMPARE(failed.count(), 0);
    }

    void pngAndPdfActionsWriteFiles() {
        QTemporaryDir dir;
        HeatmapView view;
        view.setData(testdata::mapMatrix());
        const QString png = dir.filePath(QStringLiteral("heatmap.png"));
        QVERIFY(view.exportMenu()->writePng(png, QSize(640, 480), 96));
        QCOMPARE(QImage(png).size(), QSize(640, 480));
        const QString pdf = dir.filePath(QStringLiteral("heatmap.pdf"));
        QVERIFY(view.exportMenu()->writePdf(pdf));
        QVERIFY(QFileInfo(pdf).size() > 1000);
    }

    void clickIsForwarded() {
        HeatmapView view;
        view.setData(testdata::mapMatrix());
        view.resize(800, 600);
        view.setViewport(QRect(0, 0, 800, 600));
        view.replot();
        QSignalSpy spy(&view, &HeatmapView::cellClicked);
        QTest::mouseClick(&view, Qt::LeftButton, {},
                          view.controller()->cellRect(1, 0).center().toPoint());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toInt(), 1);
        QCOMPARE(spy.at(0).at(1).toInt(), 0);
    }

    void clickNamesTheCellsLanguagesInTheDrawnOrder() {
        HeatmapView view;
        HeatmapData data = testdata::mapMatrix();  // en, de, th
        data.seenLanguages = QStringList{QStringLiteral("th")};
        view.setData(data);  // drawn th, en, de
        view.resize(800, 600);
        view.setViewport(QRect(0, 0, 800, 600));
        view.replot();
        QSignalSpy spy(&view, &HeatmapView::cellLabelsClicked);
        for (const auto& [row, column] : {std::pair{0, 2}, std::pair{2, 3}})
            QTest::mouseClick(&view, Qt::LeftButton, {},
                              view.controller()->cellRect(row, column).center().toPoint());
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(0), (QVariantList{QStringLiteral("th"), QStringLiteral("de")}));
        QCOMPARE(spy.at(1), (QVariantList{QStringLiteral("de"), QStringLiteral("Mul")}));
    }
};

QTEST_MAIN(HeatmapViewTest)
#include "heatmap_view_test.moc"
