// Renders every chart of the layer at 1200 × 900 px with realistic values, for people to look at:
// set MTREC_CHART_DIR to keep the PNGs (else they go to a temporary folder). Also times building
// and replotting the 11 × 12 heatmap (reported, and checked against a generous bound only).
#include <QElapsedTimer>
#include <QImage>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>

#include "charts/batch_mix_plot.h"
#include "charts/chart_export.h"
#include "charts/curve_plot.h"
#include "charts/heatmap_controller.h"
#include "charts/heatmap_view.h"
#include "charts/rank_distance_plot.h"

using namespace mtrec::ui;

namespace {

// Seen (training) languages first, then the unseen ones, as the heatmaps order them.
const QStringList kLanguages{QStringLiteral("ar"), QStringLiteral("de"), QStringLiteral("en"),
                             QStringLiteral("es"), QStringLiteral("hi"), QStringLiteral("vi"),
                             QStringLiteral("zh"), QStringLiteral("el"), QStringLiteral("ru"),
                             QStringLiteral("th"), QStringLiteral("tr")};
constexpr int kSeen = 7;
const QSize kSize(1200, 900);

double uniform(QRandomGenerator& rng, double lo, double hi) {
    return lo + (hi - lo) * rng.generateDouble();
}

HeatmapData languageGrid(const QString& title) {
    HeatmapData data;
    data.title = title;
    data.rowLabels = kLanguages;
    data.columnLabels = kLanguages;
    data.hasMulColumn = true;
    data.splitIndex = kSeen;
    data.resetCells();
    return data;
}

HeatmapData mapHeatmap() {
    QRandomGenerator rng(12);
    HeatmapData data = languageGrid(QStringLiteral("mAP, XQuAD-R, run #12 (hybrid α = 0.5)"));
    data.colorBarLabel = data.valueName = QStringLiteral("mAP");
    for (int r = 0; r < 11; ++r) {
        for (int c = 0; c < 12; ++c) {
            HeatmapCell& cell = data.cell(r, c);
            cell.value = c == 11  ? uniform(rng, 0.02, 0.03)
                         : r == c ? uniform(rng, 0.25, 0.35)
                                  : uniform(rng, 0.01, 0.05);
            cell.queryCount = 1190;
        }
    }
    return data;
}

HeatmapData deltaHeatmap() {
    QRandomGenerator rng(13);
    HeatmapData data = languageGrid(QStringLiteral("mAP, hybrid #12 − multitask #13, XQuAD-R"));
    data.scale = HeatmapScale::DivergingSymmetric;
    data.colorBarLabel = QStringLiteral("Δ mAP (A − B)");
    data.valueName = QStringLiteral("mAP");
    data.nameA = QStringLiteral("hybrid #12");
    data.nameB = QStringLiteral("multitask #13");
    data.correction = QStringLiteral("Holm");
    data.note = QStringLiteral("* Holm-corrected p < 0.05, paired randomization test over queries");
    for (int r = 0; r < 11; ++r) {
        for (int c = 0; c < 12; ++c) {
            HeatmapCell& cell = data.cell(r, c);
            cell.valueB = r == c ? uniform(rng, 0.25, 0.33) : uniform(rng, 0.01, 0.04);
            const double delta = r == c ? uniform(rng, -0.04, 0.03) : uniform(rng, -0.006, 0.01);
            cell.valueA = cell.valueB + delta;
            cell.value = delta;
            cell.queryCount = 1190;
            cell.pRaw = std::abs(delta) > 0.02 ? 0.0004 : uniform(rng, 0.05, 0.9);
            cell.pCorrected = std::min(1.0, cell.pRaw * 60);
            if (cell.pCorrected < 0.05) cell.mark = QStringLiteral("*");
        }
    }
    return data;
}

HeatmapData biasHeatmap() {
    QRandomGenerator rng(14);
    HeatmapData data =
        languageGrid(QStringLiteral("Mean Mul rank of the language-Y passage, run #12"));
    data.hasMulColumn = false;
    data.scale = HeatmapScale::SequentialReversed;
    data.logarithmic = true;
    data.colorBarLabel = QStringLiteral("mean rank");
    data.valueName = QStringLiteral("mean rank");
    data.resetCells();
    for (int r = 0; r < 11; ++r) {
        for (int c = 0; c < 11; ++c) {
            HeatmapCell& cell = data.cell(r, c);
            cell.value = r == c ? uniform(rng, 1, 40) : uniform(rng, 800, 13000);
            cell.queryCount = 1190;
        }
    }
    return data;
}

}  // namespace

class ChartGalleryTest : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString dir_;

    QString path(const char* name) const { return QDir(dir_).filePath(QString::fromLatin1(name)); }

    void save(QCustomPlot& plot, const char* name, int dpi = 96) {
        QVERIFY(exportPng(&plot, path(name), kSize, dpi));
        QCOMPARE(QImage(path(name)).size(), kSize);
    }

private Q_SLOTS:
    void initTestCase() {
        dir_ = qEnvironmentVariable("MTREC_CHART_DIR");
        if (dir_.isEmpty()) dir_ = tmp_.path();
        QVERIFY(QDir().mkpath(dir_));
        qInfo("writing PNGs to %s", qPrintable(dir_));
    }

    void mapHeatmapAndItsTiming() {
        HeatmapView view;
        view.resize(kSize);
        view.setViewport(QRect(QPoint(0, 0), kSize));
        const HeatmapData data = mapHeatmap();
        std::vector<double> ms;
        for (int i = 0; i < 15; ++i) {
            QElapsedTimer timer;
            timer.start();
            view.setData(data);
            view.replot();
            ms.push_back(timer.nsecsElapsed() / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        qInfo(
            "11x12 heatmap build + replot at 1200x900: median %.1f ms, min %.1f ms, max %.1f ms "
            "(15 runs)",
            ms[ms.size() / 2], ms.front(), ms.back());
        QVERIFY(ms[ms.size() / 2] < 1000.0);
        // A full render into a QImage as well (replot draws into the widget's buffers only).
        std::vector<double> exportMs;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer timer;
            timer.start();
            QVERIFY(exportPng(&view, path("heatmap_map.png"), kSize, 96));
            exportMs.push_back(timer.nsecsElapsed() / 1e6);
        }
        std::sort(exportMs.begin(), exportMs.end());
        qInfo("11x12 heatmap PNG export at 1200x900 (layout, draw, encode, write): median %.1f ms",
              exportMs[exportMs.size() / 2]);
        save(view, "heatmap_map.png");
        save(view, "heatmap_map_150dpi.png", 150);
        // Small cells: two decimals and a smaller font.
        QVERIFY(exportPng(&view, path("heatmap_map_640x480.png"), QSize(640, 480), 96));
    }

    void renderDeltaHeatmap() {
        HeatmapView view;
        view.setData(deltaHeatmap());
        save(view, "heatmap_delta.png");
    }

    void renderBiasHeatmap() {
        HeatmapView view;
        view.setData(biasHeatmap());
        save(view, "heatmap_bias.png");
    }

    void curves() {
        QRandomGenerator rng(15);
        CurvePlot plot;
        std::vector<CurvePoint> loss, validation, lr;
        for (int step = 1; step <= 1000; ++step) {
            const double trend = 3.6 * std::exp(-step / 250.0) + 0.9;
            loss.push_back({double(step), trend * uniform(rng, 0.8, 1.2)});
            if (step % 100 == 0) validation.push_back({double(step), trend * 1.1 + 0.05});
            const double warm = std::min(1.0, step / 100.0);
            lr.push_back({double(step), 3e-5 * warm * (step <= 100 ? 1.0 : (1000 - step) / 900.0)});
        }
        plot.setSeries(CurveSeries::TrainingLoss, loss);
        plot.setSeries(CurveSeries::ValidationLoss, validation);
        plot.setSeries(CurveSeries::LearningRate, lr);
        plot.setSmoothing(0.9);
        save(plot, "curves.png");
        plot.setLogY(true);
        save(plot, "curves_log.png");
    }

    void batchMix() {
        QRandomGenerator rng(16);
        BatchMixPlot plot;
        plot.showMonoShare(0.5);
        std::vector<std::pair<double, bool>> batches;
        for (int step = 1; step <= 1000; ++step)
            batches.push_back({double(step), rng.bounded(2) == 0});
        plot.appendBatches(batches);
        save(plot, "batch_mix_hybrid.png");
        plot.showTaskSteps({QStringLiteral("mono QA"), QStringLiteral("cross QA"),
                            QStringLiteral("translation ranking")},
                           {334, 333, 333});
        save(plot, "batch_mix_multitask.png");
        std::vector<int>
            schedule;  // round robin over three tasks, the translation task ending early
        for (int step = 0; step < 1000; ++step)
            schedule.push_back(step < 600 ? step % 3 : step % 2);
        plot.showTaskSchedule({QStringLiteral("mono QA"), QStringLiteral("cross QA"),
                               QStringLiteral("translation ranking")},
                              schedule, 50);
        save(plot, "batch_mix_schedule.png");
    }

    void rankDistanceBars() {
        QRandomGenerator rng(17);
        RankDistanceData data;
        data.title = QStringLiteral("Rank distance per query language, XQuAD-R Mul, run #12");
        data.languages = kLanguages;
        data.splitIndex = kSeen;
        double sum = 0;
        for (int i = 0; i < kLanguages.size(); ++i) {
            data.meanDistances.push_back(i < kSeen ? uniform(rng, 1500, 4000)
                                                   : uniform(rng, 4000, 7000));
            sum += data.meanDistances.back();
        }
        data.overallMean = sum / kLanguages.size();
        RankDistancePlot plot;
        plot.setData(data);
        save(plot, "rank_distance.png");
    }
};

QTEST_MAIN(ChartGalleryTest)
#include "chart_gallery_test.moc"
