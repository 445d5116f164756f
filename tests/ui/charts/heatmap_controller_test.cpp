#include <qcustomplot.h>

#include <QtTest>
#include <cmath>

#include "charts/heatmap_controller.h"
#include "heatmap_test_data.h"

using mtrec::ui::HeatmapCellIndex;
using mtrec::ui::HeatmapController;
using mtrec::ui::HeatmapData;
using mtrec::ui::HeatmapScale;
namespace testdata = mtrec::ui::testdata;

Q_DECLARE_METATYPE(HeatmapData)

class HeatmapControllerTest : public QObject {
    Q_OBJECT

    // A plot laid out at `size` without showing a window.
    static void layOut(QCustomPlot& plot, QSize size) {
        plot.resize(size);
        plot.setViewport(QRect(QPoint(0, 0), size));
        plot.replot();
    }

    static QMap<double, QString> ticks(QCPAxis* axis) {
        auto ticker = axis->ticker().dynamicCast<QCPAxisTickerText>();
        return ticker ? ticker->ticks() : QMap<double, QString>{};
    }

    /// The split lines in plot coordinates (x1, y1, x2, y2).
    static QList<QLineF> splitLines(QCustomPlot& plot) {
        QList<QLineF> lines;
        for (int i = 0; i < plot.itemCount(); ++i)
            if (auto* line = qobject_cast<QCPItemLine*>(plot.item(i));
                line && line->objectName() == QLatin1String("splitLine"))
                lines.append(QLineF(line->start->coords(), line->end->coords()));
        return lines;
    }

    /// The centres (column, row) of the outlined diagonal cells.
    static QList<QPointF> outlinedCells(QCustomPlot& plot) {
        QList<QPointF> centres;
        for (int i = 0; i < plot.itemCount(); ++i)
            if (auto* rect = qobject_cast<QCPItemRect*>(plot.item(i));
                rect && rect->objectName() == QLatin1String("diagonalOutline"))
                if (const QPointF centre = (rect->topLeft->coords() + rect->bottomRight->coords()) / 2;
                    !centres.contains(centre))
                    centres.append(centre);  // frame and core share a centre
        return centres;
    }

    static int itemsNamed(QCustomPlot& plot, const QString& name) {
        int count = 0;
        for (int i = 0; i < plot.itemCount(); ++i) count += plot.item(i)->objectName() == name;
        return count;
    }

private Q_SLOTS:
    void colorMapHoldsEveryCell() {
        QCustomPlot plot;
        HeatmapController controller(&plot);
        const HeatmapData data = testdata::mapMatrix();
        controller.setData(data);
        QCPColorMapData* map = controller.colorMap()->data();
        QCOMPARE(map->keySize(), 2 * 3 + 3);
        QCOMPARE(map->valueSize(), 2 * 3);
        for (int r = 0; r < 3; ++r) {
            for (int c = 0; c < 4; ++c) {
                const double expected = data.cell(r, c).value;
                const double actual = map->data(controller.columnKey(c), r);
                if (std::isnan(expected))
                    QVERIFY2(std::isnan(actual),
                             qPrintable(QStringLiteral("cell %1,%2").arg(r).arg(c)));
                else
                    QCOMPARE(actual, expected);
            }
            QVERIFY(std::isnan(map->data(2.75, r)));  // the half-cell gap before Mul
        }
        QCOMPARE(controller.columnKey(3), 3.5);
    }

    void axesCarryLanguageCodes() {
        QCustomPlot plot;
        HeatmapController controller(&plot);
        controller.setData(testdata::mapMatrix());
        const QMap<double, QString> columns = ticks(plot.axisRect()->axis(QCPAxis::atBottom));
        const QMap<double, QString> expectedColumns{{0.0, QStringLiteral("en")},
                                                    {1.0, QStringLiteral("de")},
                                                    {2.0, QStringLiteral("th")},
                                                    {3.5, QStringLiteral("Mul")}};
        QCOMPARE(columns, expectedColumns);
        QCPAxis* rows = plot.axisRect()->axis(QCPAxis::atLeft);
        const QMap<double, QString> expectedRows{
            {0.0, QStringLiteral("en")}, {1.0, QStringLiteral("de")}, {2.0, QStringLiteral("th")}};
        QCOMPARE(ticks(rows), expectedRows);
        QVERIFY(rows->rangeReversed());  // first row on top
        QCOMPARE(rows->range(), QCPRange(-0.5, 2.5));
        QCOMPARE(plot.axisRect()->axis(QCPAxis::atBottom)->range(), QCPRange(-0.5, 4.0));
        QCOMPARE(rows->label(), QStringLiteral("query language"));
        // seen / unseen over the column groups
        const QMap<double, QString> groups{{0.5, QStringLiteral("seen")},
                                           {2.0, QStringLiteral("unseen")}};
        QCOMPARE(ticks(plot.axisRect()->axis(QCPAxis::atTop)), groups);
    }

    void colorRange_data() {
        QTest::addColumn<HeatmapData>("data");
        QTest::addColumn<double>("lower");
        QTest::addColumn<double>("upper");
        HeatmapData fixed = testdata::mapMatrix();
        QTest::newRow("sequential fixed 0-1") << fixed << 0.0 << 1.0;
        HeatmapData fit = fixed;
        fit.scale = HeatmapScale::SequentialFit;
        QTest::newRow("fit to data") << fit << 0.01 << 0.30;
        QTest::newRow("diverging symmetric") << testdata::deltaMatrix() << -0.2 << 0.2;
        HeatmapData positive = testdata::deltaMatrix();
        for (auto& cell : positive.cells) cell.value = std::abs(cell.value) / 4;  // 0 .. 0.05
        QTest::newRow("diverging, positive only") << positive << -0.05 << 0.05;
        HeatmapData ranks = fixed;
        ranks.scale = HeatmapScale::SequentialReversed;
        for (auto& cell : ranks.cells) cell.value = std::round(cell.value * 1000);  // 10 .. 300
        QTest::newRow("reversed (ranks)") << ranks << 10.0 << 300.0;
    }
    void colorRange() {
        QFETCH(HeatmapData, data);
        QFETCH(double, lower);
        QFETCH(double, upper);
        QCustomPlot plot;
        HeatmapController controller(&plot);
        controller.setData(data);
        QCOMPARE(controller.colorRange().lower, lower);
        QCOMPARE(controller.colorRange().upper, upper);
        QCOMPARE(controller.colorScale()->dataRange(), QCPRange(lower, upper));
    }

    void reversedScaleSaysSoAndPutsLowValuesInTheLightColour() {
        QCustomPlot plot;
        HeatmapController controller(&plot);
        HeatmapData data = testdata::mapMatrix();
        data.scale = HeatmapScale::SequentialReversed;
        data.colorBarLabel = QStringLiteral("mean rank");
        controller.setData(data);
        QCOMPARE(controller.colorScale()->axis()->label(),
                 QStringLiteral("mean rank (lower is better)"));
        QCPColorGradient gradient = controller.colorScale()->gradient();
        QCOMPARE(QColor(gradient.color(0.01, controller.colorRange())).name(),
                 QStringLiteral("#fde725"));
        QCOMPARE(QColor(gradient.color(0.30, controller.colorRange())).name(),
                 QStringLiteral("#440154"));
    }

    void colorBarIsLabelled() {
        QCustomPlot plot;
        HeatmapController controller(&plot);
        controller.setData(testdata::mapMatrix());
        QCOMPARE(controller.colorScale()->axis()->label(), QStringLiteral("mAP"));
        QCOMPARE(controller.colorMap()->colorScale(), controller.colorScale());
        auto* title = qobject_cast<QCPTextElement*>(plot.plotLayout()->element(0, 0));
        QVERIFY(title);
        QCOMPARE(title->text(), QStringLiteral("mAP, XQuAD-R, run #12"));
    }

    void cellsPrintValuesWithContrastColour() {
        QCustomPlot plot;
        HeatmapController controller(&plot);
        controller.setData(testdata::mapMatrix());
        layOut(plot, QSize(900, 700));
        QCOMPARE(controller.decimalsInUse(), 3);
        QCOMPARE(controller.valueText(0, 0)->text(), QStringLiteral("0.300"));
        QCOMPARE(controller.valueText(0, 3)->text(), QStringLiteral("0.025"));
        QCOMPARE(controller.valueText(1, 2), nullptr);  // NaN: empty cell
        // Fixed 0-1 scale: every value is in viridis' dark half -> white text.
        QCOMPARE(controller.valueText(0, 0)->color(), QColor(Qt::white));

        HeatmapData fit = testdata::mapMatrix();
        fit.scale = HeatmapScale::SequentialFit;
        controller.setData(fit);
        layOut(plot, QSize(900, 700));
        QCOMPARE(controller.valueText(0, 0)->color(), QColor(Qt::black));  // 0.30 = max = yellow
        QCOMPARE(controller.valueText(2, 0)->color(), QColor(Qt::white));  // 0.01 = min = purple
    }

    void deltaCellsAreSignedWithoutNegativeZero() {
        QCustomPlot plot;
        HeatmapController controller(&plot);
        HeatmapData data = testdata::deltaMatrix();
        data.cell(2, 3).value = -0.0001;
        controller.setData(data);
        layOut(plot, QSize(900, 700));
        QCOMPARE(controller.valueText(0, 0)->text(), QStringLiteral("-0.200"));
        QCOMPARE(controller.valueText(1, 0)->text(), QStringLiteral("+0.050"));
        QCOMPARE(controller.valueText(0, 2)->text(), QStringLiteral("0.000"));
        QCOMPARE(controller.valueText(2, 3)->text(), QStringLiteral("0.000"));  // not "-0.000"
    }

    void smallCellsPrintTwoDecimals() {
        QCustomPlot plot;
        HeatmapController controller(&plot);
        controller.setData(testdata::mapMatrix());
        layOut(plot, QSize(260, 200));
        QCOMPARE(controller.decimalsInUse(), 2);
        QCOMPARE(controller.valueText(0, 0)->text(), QStringLiteral("0.30"));
        layOut(plot, QSize(900, 700));
        QCOMPARE(controller.valueText(0, 0)->text(), QStringLiteral("0.300"));
        HeatmapData fixedDecimals = testdata::mapMatrix();
        fixedDecimals.decimals = 1;
        controller.setData(fixedDecimals);
        layOut(plot, QSize(900, 700));
        QCOMPARE(controller.valueText(0, 0)->text(), QStringLiteral("0.3"));
    }

    void marksOutlinesAndSplitArePresent() {
        QCustomPlot plot;
        HeatmapController controller(&plot);
        controller.setData(testdata::mapMatrix());
        QVERIFY(controller.markText(0, 1));
        QCOMPARE(controller.markText(0, 1)->text(), QStringLiteral("*"));
        QVERIFY(controller.markText(2, 1));
        QCOMPARE(controller.markText(0, 0), nullptr);
        QCOMPARE(itemsNamed(plot, QStringLiteral("diagonalOutline")),
                 3 * 2);  // frame + core per Mo cell
        QCOMPARE(itemsNamed(plot, QStringLiteral("splitLine")),
                 3);  // vertical, horizontal, Mul part
        HeatmapData noSplit = testdata::mapMatrix();
        noSplit.splitIndex = -1;
        controller.setData(noSplit);
        QCOMPARE(itemsNamed(plot, QStringLiteral("splitLine")), 0);
        QVERIFY(!plot.axisRect()->axis(QCPAxis::atTop)->visible());
    }

    void seenLanguagesComeFirstWithTheSplitAfterThem() {
        QCustomPlot plot;
        HeatmapController controller(&plot);
        HeatmapData data = testdata::mapMatrix();  // en, de, th
        data.splitIndex = -1;
        data.seenLanguages = {QStringLiteral("th"), QStringLiteral("en"), QStringLiteral("fr")};
        controller.setData(data);
        const HeatmapData& drawn = controller.data();
        const QStringList order{QStringLiteral("en"), QStringLiteral("th"), QStringLiteral("de")};
        QCOMPARE(drawn.rowLabels, order);  // seen in their given order, then unseen; fr not shown
        QCOMPARE(drawn.columnLabels, order);
        QCOMPARE(drawn.splitIndex, 2);
        // Cells move with their labels: th -> de is 0.04 with its mark, de -> th stays empty,
        // de -> Mul 0.02, th -> th 0.25.
        QCOMPARE(drawn.cell(1, 2).value, 0.04);
        QCOMPARE(drawn.cell(1, 2).mark, QStringLiteral("*"));
        QVERIFY(std::isnan(drawn.cell(2, 1).value));
        QCOMPARE(drawn.cell(2, 3).value, 0.02);
        QCOMPARE(drawn.cell(1, 1).value, 0.25);
        QCOMPARE(drawn.cell(0, 1).value, 0.01);  // en -> th
        QCOMPARE(controller.colorMap()->data()->data(controller.columnKey(2), 1), 0.04);
        const QMap<double, QString> columns{{0.0, QStringLiteral("en")},
                                            {1.0, QStringLiteral("th")},
                                            {2.0, QStringLiteral("de")},
                                            {3.5, QStringLiteral("Mul")}};
        QCOMPARE(ticks(plot.axisRect()->axis(QCPAxis::atBottom)), columns);
        // The split between the second and the third language on both axes, and the brackets.
        QCOMPARE(splitLines(plot),
                 (QList<QLineF>{{1.5, -0.5, 1.5, 2.5}, {-0.5, 1.5, 2.5, 1.5}, {3.0, 1.5, 4.0, 1.5}}));
        const QMap<double, QString> groups{{0.5, QStringLiteral("seen")},
                                           {2.0, QStringLiteral("unseen")}};
        QCOMPARE(ticks(plot.axisRect()->axis(QCPAxis::atTop)), groups);
        QCOMPARE(ticks(plot.axisRect()->axis(QCPAxis::atRight)), groups);
        // The diagonal stays outlined: th -> th is now the centre cell.
        QVERIFY(outlinedCells(plot).contains(QPointF(1, 1)));
        QCOMPARE(outlinedCells(plot).size(), 3);
    }

    void seenOrderNeedsLanguagesOnBothSides_data() {
        QTest::addColumn<QStringList>("seen");
        QTest::newRow("none of the chart's") << QStringList{QStringLiteral("fr")};
        QTest::newRow("every language")
            << QStringList{QStringLiteral("th"), QStringLiteral("de"), QStringLiteral("en")};
    }
    void seenOrderNeedsLanguagesOnBothSides() {
        QFETCH(QStringList, seen);
        QCustomPlot plot;
        HeatmapController controller(&plot);
        HeatmapData data = testdata::mapMatrix();
        data.seenLanguages = seen;
        controller.setData(data);
        QCOMPARE(controller.data().rowLabels, testdata::mapMatrix().rowLabels);
        QCOMPARE(controller.data().splitIndex, -1);
        QCOMPARE(controller.data().cell(1, 0).value, 0.03);  // de -> en, unmoved
        QCOMPARE(itemsNamed(plot, QStringLiteral("splitLine")), 0);
        QVERIFY(!plot.axisRect()->axis(QCPAxis::atTop)->visible());
    }

    void toolTipGivesExactValueAndCount() {
        QCustomPlot plot;
        HeatmapController controller(&plot);
        controller.setData(testdata::mapMatrix());
        QCOMPARE(controller.toolTip(0, 1),
                 QStringLiteral("en queries → de candidates\nmAP: 0.02\n1190 queries"));
        QCOMPARE(controller.toolTip(2, 3),
                 QStringLiteral("th queries → Mul candidates\nmAP: 0.03\n1190 queries"));
        QCOMPARE(controller.toolTip(1, 2), QStringLiteral("de queries → th candidates\nno data"));
        QCOMPARE(controller.toolTip(5, 0), QString());
    }

    void deltaToolTipGivesBothValuesDeltaAndPValues() {
        QCustomPlot plot;
        HeatmapController controller(&plot);
        controller.setData(testdata::deltaMatrix());
        QCOMPARE(controller.toolTip(1, 0),
                 QStringLiteral("de queries → en candidates\nhybrid #12: 0.3\nmultitask #13: 0.25\n"
                                "Δ mAP: +0.05\np = 0.0040 raw, 0.0480 Holm\n1190 queries"));
        QCOMPARE(controller.toolTip(0, 0).split(QLatin1Char('\n')).at(3),
                 QStringLiteral("Δ mAP: -0.2"));
    }

    void hitTestingMapsPixelsToCells() {
        QCustomPlot plot;
        HeatmapController controller(&plot);
        controller.setData(testdata::mapMatrix());
        layOut(plot, QSize(900, 700));
        for (int r = 0; r < 3; ++r) {
            for (int c = 0; c < 4; ++c) {
                const QRectF rect = controller.cellRect(r, c);
                QVERIFY(rect.width() > 20 && rect.height() > 20);
                const auto hit = controller.cellAt(rect.center());
                QVERIFY(hit.has_value());
                QCOMPARE(hit->row, r);
                QCOMPARE(hit->column, c);
                QCOMPARE(controller.cellAt(rect.topLeft() + QPointF(2, 2))->column, c);
            }
        }
        const QRectF lastColumn = controller.cellRect(0, 2);
        const QRectF mul = controller.cellRect(0, 3);
        QVERIFY(mul.left() > lastColumn.right() + 10);  // the gap
        const QPointF gap((lastColumn.right() + mul.left()) / 2, mul.center().y());
        QVERIFY(!controller.cellAt(gap).has_value());
        QVERIFY(!controller.cellAt(QPointF(1, 1)).has_value());
    }

    void clickEmitsCellClicked() {
        QCustomPlot plot;
        HeatmapController controller(&plot);
        controller.setData(testdata::mapMatrix());
        layOut(plot, QSize(900, 700));
        QSignalSpy spy(&controller, &HeatmapController::cellClicked);
        QTest::mouseClick(&plot, Qt::LeftButton, {}, controller.cellRect(2, 3).center().toPoint());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toInt(), 2);
        QCOMPARE(spy.at(0).at(1).toInt(), 3);
        QTest::mouseClick(&plot, Qt::RightButton, {}, controller.cellRect(0, 0).center().toPoint());
        QCOMPARE(spy.count(), 1);
        // Hovering sets the widget's tooltip (QTest::mouseMove moves the cursor only on shown
        // windows).
        const QPointF hover = controller.cellRect(0, 1).center();
        QMouseEvent move(QEvent::MouseMove, hover, plot.mapToGlobal(hover), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&plot, &move);
        QCOMPARE(plot.toolTip(), controller.toolTip(0, 1));
    }

    void rebuildingReplacesEverything() {
        QCustomPlot plot;
        HeatmapController controller(&plot);
        controller.setData(testdata::mapMatrix());
        const int items = plot.itemCount();
        controller.setData(testdata::mapMatrix());
        QCOMPARE(plot.itemCount(), items);
        QCOMPARE(plot.plottableCount(), 1);
        QCOMPARE(plot.plotLayout()->rowCount(), 2);  // title, axis rect + colour scale
        controller.setData(HeatmapData{});
        QCOMPARE(plot.itemCount(), 0);
        QVERIFY(!controller.cellAt(QPointF(100, 100)).has_value());
        plot.replot();
    }
};

QTEST_MAIN(HeatmapControllerTest)
#include "heatmap_controller_test.moc"
