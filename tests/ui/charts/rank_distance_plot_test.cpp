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
