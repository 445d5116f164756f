#include <QtTest>
#include <cmath>
#include <vector>

#include "charts/batch_mix_plot.h"
#include "charts/curve_plot.h"
#include "charts/ema.h"

using mtrec::ui::BatchMixPlot;
using mtrec::ui::CurvePlot;
using mtrec::ui::CurveSeries;

Q_DECLARE_METATYPE(std::vector<double>)

class CurvePlotTest : public QObject {
    Q_OBJECT

    static std::vector<double> values(const QCPGraph* graph) {
        std::vector<double> out;
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
            out.push_back(it->value);
        return out;
    }

    static void compareValues(const std::vector<double>& actual,
                              const std::vector<double>& expected) {
        QCOMPARE(actual.size(), expected.size());
        for (size_t i = 0; i < actual.size(); ++i) {
            if (std::isnan(expected[i])) {
                QVERIFY(std::isnan(actual[i]));
                continue;
            }
            QVERIFY2(
                std::abs(actual[i] - expected[i]) < 1e-12,
                qPrintable(
                    QStringLiteral("index %1: %2 vs %3").arg(i).arg(actual[i]).arg(expected[i])));
        }
    }

private Q_SLOTS:
    void ema_data() {
        QTest::addColumn<double>("weight");
        QTest::addColumn<std::vector<double>>("input");
        QTest::addColumn<std::vector<double>>("expected");
        // w = 0.5: biased 0.5, 1.25, 2.125 over debias 0.5, 0.75, 0.875.
        QTest::newRow("w=0.5") << 0.5 << std::vector<double>{1, 2, 3}
                               << std::vector<double>{1.0, 1.25 / 0.75, 2.125 / 0.875};
        QTest::newRow("w=0 is identity")
            << 0.0 << std::vector<double>{4, 1, 3} << std::vector<double>{4, 1, 3};
        // w = 0.9, constant input stays constant thanks to the debiasing.
        QTest::newRow("constant") << 0.9 << std::vector<double>{2, 2, 2, 2}
                                  << std::vector<double>{2, 2, 2, 2};
        // NaN passes through and does not disturb the state: the third value sees one prior value.
        QTest::newRow("nan skipped") << 0.5 << std::vector<double>{1, std::nan(""), 3}
                                     << std::vector<double>{1.0, std::nan(""), 1.75 / 0.75};
        // w = 0.6 (the default): biased 0.8 then 0.48 + 0.4 = 0.88 over 1 - 0.36.
        QTest::newRow("w=0.6") << 0.6 << std::vector<double>{2, 1}
                               << std::vector<double>{2.0, 0.88 / 0.64};
    }
    void ema() {
        QFETCH(double, weight);
        QFETCH(std::vector<double>, input);
        QFETCH(std::vector<double>, expected);
        compareValues(mtrec::ui::emaSmooth(input, weight), expected);
    }

    void appendedPointsEndUpInTheGraphs() {
        CurvePlot plot;
        plot.appendPoint(CurveSeries::TrainingLoss, 1, 2.0);
        plot.appendPoint(CurveSeries::TrainingLoss, 2, 1.0);
        plot.appendPoints(CurveSeries::ValidationLoss, {{2, 1.5}});
        plot.appendPoints(CurveSeries::LearningRate, {{1, 1e-5}, {2, 2e-5}});
        compareValues(values(plot.rawGraph(CurveSeries::TrainingLoss)), {2.0, 1.0});
        compareValues(values(plot.smoothedGraph(CurveSeries::TrainingLoss)), {2.0, 0.88 / 0.64});
        compareValues(values(plot.rawGraph(CurveSeries::ValidationLoss)), {1.5});
        compareValues(values(plot.rawGraph(CurveSeries::LearningRate)), {1e-5, 2e-5});
        QCOMPARE(plot.smoothedGraph(CurveSeries::LearningRate), nullptr);
        QCOMPARE(plot.smoothedGraph(CurveSeries::ValidationLoss), nullptr);  // drawn as evaluated
        // Appending continues the EMA from its state rather than restarting it.
        QCPGraph* smoothed = plot.smoothedGraph(CurveSeries::TrainingLoss);
        plot.appendPoint(CurveSeries::TrainingLoss, 3, 1.0);
        QCOMPARE(plot.smoothedGraph(CurveSeries::TrainingLoss), smoothed);
        const double biased = 0.6 * 0.88 + 0.4 * 1.0;
        compareValues(values(smoothed), {2.0, 0.88 / 0.64, biased / (1 - 0.216)});
        QCOMPARE(plot.lossRect()->axis(QCPAxis::atBottom)->range().lower, 1.0);
        QCOMPARE(plot.lossRect()->axis(QCPAxis::atBottom)->range().upper, 3.0);
    }

    void smoothingChangeRecomputesAndHidesRawAtZero() {
        CurvePlot plot;
        plot.setSeries(CurveSeries::TrainingLoss, {{1, 1}, {2, 2}, {3, 3}});
        plot.setSmoothing(0.5);
        compareValues(values(plot.smoothedGraph(CurveSeries::TrainingLoss)),
                      {1.0, 1.25 / 0.75, 2.125 / 0.875});
        QVERIFY(plot.rawGraph(CurveSeries::TrainingLoss)->visible());
        plot.setSmoothing(0.0);
        compareValues(values(plot.smoothedGraph(CurveSeries::TrainingLoss)), {1, 2, 3});
        QVERIFY(!plot.rawGraph(CurveSeries::TrainingLoss)->visible());
        plot.setSmoothing(5.0);
        QCOMPARE(plot.smoothing(), 0.99);
    }

    void logToggleChangesScaleType() {
        CurvePlot plot;
        plot.setSeries(CurveSeries::TrainingLoss, {{1, 4}, {2, 0.5}});
        QCPAxis* y = plot.lossRect()->axis(QCPAxis::atLeft);
        QCOMPARE(y->scaleType(), QCPAxis::stLinear);
        plot.setLogY(true);
        QCOMPARE(y->scaleType(), QCPAxis::stLogarithmic);
        QVERIFY(y->ticker().dynamicCast<QCPAxisTickerLog>());
        QVERIFY(y->range().lower > 0 && y->range().lower < 0.5 && y->range().upper > 4);
        plot.setLogY(false);
        QCOMPARE(y->scaleType(), QCPAxis::stLinear);
        // The learning-rate axis is not affected.
        QCOMPARE(plot.learningRateRect()->axis(QCPAxis::atLeft)->scaleType(), QCPAxis::stLinear);
    }

    void learningRateSharesTheStepAxis() {
        CurvePlot plot;
        QCOMPARE(plot.rawGraph(CurveSeries::LearningRate)->keyAxis()->axisRect(),
                 plot.learningRateRect());
        QCOMPARE(plot.smoothedGraph(CurveSeries::TrainingLoss)->keyAxis()->axisRect(),
                 plot.lossRect());
        plot.lossRect()->axis(QCPAxis::atBottom)->setRange(10, 500);
        QCOMPARE(plot.learningRateRect()->axis(QCPAxis::atBottom)->range(), QCPRange(10, 500));
        plot.learningRateRect()->axis(QCPAxis::atBottom)->setRange(0, 50);
        QCOMPARE(plot.lossRect()->axis(QCPAxis::atBottom)->range(), QCPRange(0, 50));
        QCOMPARE(plot.learningRateRect()->axis(QCPAxis::atBottom)->label(), QStringLiteral("step"));
    }

    // The MRR's entry comes with its first point: a run selected by loss has none.
    void legendNamesSmoothedTrainingAndValidationLossAndMrr() {
        CurvePlot plot;
        plot.setSeries(CurveSeries::TrainingLoss, {{1, 3.0}, {2, 2.0}});
        QCOMPARE(plot.legend->itemCount(), 2);
        QVERIFY(plot.legend->hasItemWithPlottable(plot.smoothedGraph(CurveSeries::TrainingLoss)));
        QVERIFY(plot.legend->hasItemWithPlottable(plot.rawGraph(CurveSeries::ValidationLoss)));
        plot.appendPoints(CurveSeries::ValidationCrossMrr, {{50, 0.2}});
        QCOMPARE(plot.legend->itemCount(), 3);
        QVERIFY(plot.legend->hasItemWithPlottable(plot.rawGraph(CurveSeries::ValidationCrossMrr)));
        plot.setSeries(CurveSeries::ValidationCrossMrr, {});
        QCOMPARE(plot.legend->itemCount(), 2);
    }

    // The MRR (0 to 1) is read on the loss rect's right axis, which shows only once there is one.
    void crossMrrHasTheRightAxisOfTheLossRect() {
        CurvePlot plot;
        QCPAxis* right = plot.lossRect()->axis(QCPAxis::atRight);
        QCOMPARE(plot.rawGraph(CurveSeries::ValidationCrossMrr)->valueAxis(), right);
        plot.setSeries(CurveSeries::TrainingLoss, {{1, 3.0}, {2, 2.0}});
        QVERIFY(!right->visible());
        plot.appendPoints(CurveSeries::ValidationCrossMrr, {{50, 0.2}, {100, 0.4}});
        QVERIFY(right->visible());
        QCOMPARE(right->range().lower, 0.0);
        QCOMPARE(right->range().upper, 0.4 * 1.6);
        QVERIFY(plot.csv().contains(QStringLiteral("100,validation_cross_mrr,0.4,\r\n")));
    }

    void curvesCsv() {
        CurvePlot plot;
        plot.setSmoothing(0.5);
        plot.setSeries(CurveSeries::TrainingLoss, {{1, 1}, {2, 3}});
        plot.setSeries(CurveSeries::LearningRate, {{1, 3e-05}});
        QCOMPARE(plot.csv(), QStringLiteral("step,series,value,smoothed\r\n"
                                            "1,training_loss,1,1\r\n"
                                            "2,training_loss,3,2.3333333333333335\r\n"
                                            "1,learning_rate,3e-05,\r\n"));
    }

    void monoShareIsARunningMeanAgainstAlpha() {
        BatchMixPlot plot;
        plot.showMonoShare(0.5);
        plot.appendBatches({{1, true}, {2, false}, {3, true}});
        plot.appendBatch(4, true);
        compareValues(values(plot.shareGraph()), {1.0, 0.5, 2.0 / 3.0, 0.75});
        compareValues(values(plot.alphaGraph()), {0.5, 0.5});
        QCOMPARE(plot.alphaGraph()->data()->at(0)->key, 1.0);
        QCOMPARE(plot.alphaGraph()->data()->at(1)->key, 4.0);
        QCOMPARE(plot.alphaGraph()->pen().style(), Qt::DashLine);
        QCOMPARE(plot.csv(), QStringLiteral("step,mono_share,alpha\r\n1,1,0.5\r\n2,0.5,0.5\r\n"
                                            "3,0.6666666666666666,0.5\r\n4,0.75,0.5\r\n"));
    }

    void taskStepsAreBars() {
        BatchMixPlot plot;
        plot.showTaskSteps(
            {QStringLiteral("mono QA"), QStringLiteral("cross QA"), QStringLiteral("translation")},
            {334, 333, 333});
        QVERIFY(plot.taskBars());
        QCOMPARE(plot.shareGraph(), nullptr);
        QCOMPARE(plot.taskBars()->data()->size(), 3);
        QCOMPARE(plot.taskBars()->data()->at(0)->value, 334.0);
        auto ticker = plot.xAxis->ticker().dynamicCast<QCPAxisTickerText>();
        QVERIFY(ticker);
        QCOMPARE(ticker->ticks().value(2), QStringLiteral("translation"));
        QCOMPARE(plot.csv(), QStringLiteral("task,steps\r\nmono QA,334\r\ncross QA,333\r\n"
                                            "translation,333\r\n"));
    }

    void taskScheduleIsStackedPerWindow() {
        BatchMixPlot plot;
        // Steps 1-6: A B A B A A, windows of 2 steps -> A: 1 1 2, B: 1 1 0.
        plot.showTaskSchedule({QStringLiteral("A"), QStringLiteral("B")}, {0, 1, 0, 1, 0, 0}, 2);
        QCOMPARE(plot.scheduleBars().size(), size_t(2));
        QCPBars* a = plot.scheduleBars()[0];
        QCPBars* b = plot.scheduleBars()[1];
        compareBars(a, {{1, 1}, {3, 1}, {5, 2}});
        compareBars(b, {{1, 1}, {3, 1}, {5, 0}});
        QCOMPARE(b->barBelow(), a);
        QCOMPARE(plot.taskBars(), nullptr);
        QCOMPARE(plot.csv(),
                 QStringLiteral("first_step,last_step,task,steps\r\n1,2,A,1\r\n1,2,B,1\r\n"
                                "3,4,A,1\r\n3,4,B,1\r\n5,6,A,2\r\n5,6,B,0\r\n"));
        plot.showMonoShare(0.5);
        QVERIFY(plot.scheduleBars().empty());
    }

private:
    static void compareBars(QCPBars* bars, const std::vector<std::pair<double, double>>& expected) {
        QCOMPARE(bars->data()->size(), int(expected.size()));
        for (int i = 0; i < bars->data()->size(); ++i) {
            QCOMPARE(bars->data()->at(i)->key, expected[size_t(i)].first);
            QCOMPARE(bars->data()->at(i)->value, expected[size_t(i)].second);
        }
    }
};

QTEST_MAIN(CurvePlotTest)
#include "curve_plot_test.moc"
