#include <QtTest>
#include <cmath>

#include "charts/rank_distance_plot.h"

using mtrec::ui::RankDistanceData;
using mtrec::ui::RankDistancePlot;

class RankDistancePlotTest : public QObject {
    Q_OBJECT

    static RankDistanceData threeLanguages() {
        RankDistanceData data;
        data.title = QStringLiteral("Rank distance, XQuAD-R, run #12");
        data.languages =
            QStringList{QStringLiteral("ar"), QStringLiteral("de"), QStringLiteral("th")};
        data.meanDistances = {2400.5, 1800.0, 5321.25};
        data.overallMean = 3173.9166;
        data.splitIndex = 2;
        return data;
    }

private Q_SLOTS:
    void oneBarPerLanguageInTheGroupColours() {
        RankDistancePlot plot;
        plot.setData(threeLanguages());
        QVERIFY(plot.seenBars() && plot.unseenBars());
        QCOMPARE(plot.seenBars()->data()->size(), 2);
        QCOMPARE(plot.unseenBars()->data()->size(), 1);
        QCOMPARE(plot.seenBars()->data()->at(1)->key, 1.0);
        QCOMPARE(plot.seenBars()->data()->at(1)->value, 1800.0);
        QCOMPARE(plot.unseenBars()->data()->at(0)->key, 2.0);
        QCOMPARE(plot.unseenBars()->data()->at(0)->value, 5321.25);
        QVERIFY(plot.seenBars()->brush().color() != plot.unseenBars()->brush().color());
        QVERIFY(plot.legend->visible());
        // Under the axis rect, "seen in training" over "unseen": one column, however the plot
        // was built before.
        QCOMPARE(plot.legend->layout(), plot.plotLayout());
        QCOMPARE(plot.legend->rowCount(), 2);
        QCOMPARE(plot.legend->columnCount(), 1);
    }

    void axesAreLabelled() {
        RankDistancePlot plot;
        plot.setData(threeLanguages());
        auto ticker = plot.xAxis->ticker().dynamicCast<QCPAxisTickerText>();
        QVERIFY(ticker);
        const QMap<double, QString> expected{
            {0.0, QStringLiteral("ar")}, {1.0, QStringLiteral("de")}, {2.0, QStringLiteral("th")}};
        QCOMPARE(ticker->ticks(), expected);
        QCOMPARE(plot.xAxis->label(), QStringLiteral("query language"));
        QCOMPARE(plot.yAxis->label(), QStringLiteral("mean rank distance"));
        QCOMPARE(plot.yAxis->range().lower, 0.0);
        QVERIFY(plot.yAxis->range().upper > 5321.25);
    }

    void overallMeanIsAHorizontalLine() {
        RankDistancePlot plot;
        plot.setData(threeLanguages());
        QVERIFY(plot.meanLine());
        QCOMPARE(plot.meanLine()->point1->value(), 3173.9166);
        QCOMPARE(plot.meanLine()->point2->value(), 3173.9166);
        QCOMPARE(plot.meanLabel()->text(), QStringLiteral("mean 3174"));
        RankDistanceData noMean = threeLanguages();
        noMean.overallMean = std::nan("");
        noMean.splitIndex = -1;
        plot.setData(noMean);
        QCOMPARE(plot.meanLine(), nullptr);
        QCOMPARE(plot.unseenBars(), nullptr);
        QCOMPARE(plot.seenBars()->data()->size(), 3);
        QVERIFY(!plot.legend->visible());
    }

    void seriesAreGroupedBarsWithALegend() {
        RankDistancePlot plot;
        RankDistanceData data = threeLanguages();
        data.series = {{QStringLiteral("#1 hybrid"), {10.0, 20.0, 30.0}, 20.0},
                       {QStringLiteral("#2 multitask"), {12.0, std::nan(""), 6.0}, 9.0}};
        plot.setData(data);
        QCOMPARE(plot.seenBars(), nullptr);  // the single-run bars and mean line are not drawn
        QCOMPARE(plot.meanLine(), nullptr);
        QCOMPARE(plot.seriesBars().size(), std::size_t(2));
        QCPBars* second = plot.seriesBars()[1];
        QCOMPARE(second->data()->size(), 2);  // NaN draws no bar
        QCOMPARE(second->data()->at(1)->key, 2.0);
        QCOMPARE(second->data()->at(1)->value, 6.0);
        QCOMPARE(second->name(), QStringLiteral("#2 multitask (mean 9.00)"));
        QCOMPARE(plot.seriesBars()[0]->brush().color().rgb(), QColor(0x00, 0x72, 0xB2).rgb());
        QCOMPARE(second->brush().color().rgb(), QColor(0xE6, 0x9F, 0x00).rgb());
        QVERIFY(second->barsGroup() == plot.seriesBars()[0]->barsGroup());
        QVERIFY(plot.legend->visible());
        QCOMPARE(plot.legend->itemCount(), 2);
        QCOMPARE(plot.legend->layout(), plot.plotLayout());  // under the bars, an entry a row
        QCOMPARE(plot.legend->rowCount(), 2);
        QCOMPARE(plot.legend->columnCount(), 1);
        QVERIFY(plot.yAxis->range().upper > 30.0);
        QCOMPARE(plot.csv(), QStringLiteral("query_language,#1 hybrid,#2 multitask\r\n"
                                            "ar,10,12\r\nde,20,\r\nth,30,6\r\n"
                                            "(all),20,9\r\n"));
        plot.setData(threeLanguages());  // back to one run
        QVERIFY(plot.seriesBars().empty());
        QCOMPARE(plot.seenBars()->data()->size(), 2);
        QCOMPARE(plot.legend->layout(), plot.plotLayout());
        QCOMPARE(plot.legend->columnCount(), 1);
        // A run name wider than the legend allows is elided in the middle; the CSV keeps it.
        const QString longName = QStringLiteral("#3 ") + QString(200, QLatin1Char('x'));
        data.series[0].name = longName;
        plot.setData(data);
        const QString shown = plot.seriesBars()[0]->name();
        QVERIFY(shown.contains(QChar(0x2026)));  // …
        QVERIFY(shown.endsWith(QStringLiteral(" (mean 20.0)")));
        QVERIFY(plot.csv().contains(longName));
    }

    void barValueText_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("large") << 5321.25 << "5321";
        QTest::newRow("tens") << 12.34 << "12.3";
        QTest::newRow("small") << 1.234 << "1.23";
    }
    void barValueText() {
        QFETCH(double, value);
        QFETCH(QString, expected);
        QCOMPARE(mtrec::ui::barValueText(value), expected);
    }

    void csvListsLanguagesThenTheMean() {
        RankDistancePlot plot;
        plot.setData(threeLanguages());
        QCOMPARE(plot.csv(), QStringLiteral("query_language,mean_rank_distance\r\nar,2400.5\r\n"
                                            "de,1800\r\nth,5321.25\r\n(all),3173.9166\r\n"));
    }
};

QTEST_MAIN(RankDistancePlotTest)
#include "rank_distance_plot_test.moc"
