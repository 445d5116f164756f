#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "app_settings.h"
#include "charts/batch_mix_plot.h"
#include "charts/curve_plot.h"
#include "charts/heatmap_controller.h"
#include "charts/heatmap_view.h"
#include "compare_view.h"
#include "experiment/training_config.h"
#include "main_window.h"
#include "results_view.h"
#include "run_view.h"
#include "runs_tree_model.h"
#include "setup/setup_form.h"
#include "store/experiment_store.h"

using namespace mtrec;

/// The Results and Compare views and the main window's live follow, on small databases written
/// here.
class ResultViewsTest : public QObject {
    Q_OBJECT

    static std::unique_ptr<store::ExperimentStore> open(const QString& path) {
        auto store = store::ExperimentStore::open(path.toStdString());
        if (!store) qFatal("cannot open %s: %s", qPrintable(path), store.error().message.c_str());
        return std::make_unique<store::ExperimentStore>(std::move(store).value());
    }

    static std::int64_t addRun(store::ExperimentStore& store, const char* name) {
        store::NewRun run;
        run.name = name;
        run.strategy = "hybrid";
        return store.runs().create(run).value();
    }

    static store::EvalCell cell(eval::Setting setting, const char* q, const char* c, double value,
                                std::optional<std::int64_t> queries = 30) {
        return {{"xquad-r", setting, q, c}, eval::Metric::Map, value, "map", queries};
    }

    /// Mo and Cr for de/en, Mul for both, and the setting summaries (which are not grid cells).
    static std::vector<store::EvalCell> twoLanguageCells() {
        using eval::Setting;
        return {cell(Setting::Mo, "de", "de", 0.75),
                cell(Setting::Mo, "en", "en", 0.5),
                cell(Setting::Cr, "de", "en", 0.125),
                cell(Setting::Cr, "en", "de", 0.25),
                cell(Setting::Mul, "de", "all", 0.2),
                cell(Setting::Mul, "en", "all", 0.3),
                cell(Setting::Mo, "all", "all", 0.625, std::nullopt),
                cell(Setting::Cr, "all", "all", 0.1875, std::nullopt),
                cell(Setting::Mul, "all", "all", 0.25, std::nullopt)};
    }

private Q_SLOTS:
    void resultsViewDrawsTheRunsGrid() {
        QTemporaryDir dir;
        auto store = open(dir.filePath(QStringLiteral("e.db")));
        const std::int64_t run = addRun(*store, "hybrid");
        QVERIFY(store->results().record(run, twoLanguageCells()).ok());

        ui::ResultsView view;
        view.showRun(*store, run);
        const ui::HeatmapData& data = view.heatmap()->controller()->data();
        QCOMPARE(data.rowLabels, (QStringList{QStringLiteral("de"), QStringLiteral("en")}));
        QCOMPARE(data.columnLabels, (QStringList{QStringLiteral("de"), QStringLiteral("en")}));
        QVERIFY(data.hasMulColumn);
        QCOMPARE(data.cell(0, 0).value, 0.75);   // de -> de
        QCOMPARE(data.cell(0, 1).value, 0.125);  // de -> en
        QCOMPARE(data.cell(1, 0).value, 0.25);   // en -> de
        QCOMPARE(data.cell(1, 2).value, 0.3);    // en -> Mul
        QCOMPARE(data.cell(1, 0).queryCount, 30);
        QCOMPARE(data.title, QStringLiteral("mAP, XQuAD-R, run #%1").arg(run));
        QCOMPARE(view.summaryText(),
                 QStringLiteral("mAP (macro averages): Mo 0.625 · Cr 0.188 · Mul 0.250"));
    }

    void compareViewMarksOnlySignificantCells() {
        QTemporaryDir dir;
        auto store = open(dir.filePath(QStringLiteral("e.db")));
        const std::int64_t a = addRun(*store, "A");
        const std::int64_t b = addRun(*store, "B");
        using eval::Setting;
        // en -> en: A finds every answer first, B never: significant. de -> de: equal.
        for (const auto& [run, enValue] : {std::pair{a, 1.0}, std::pair{b, 0.0}}) {
            std::vector<store::PerQueryValue> perQuery;
            for (int q = 0; q < 30; ++q) {
                const std::string qid = "q" + std::to_string(q);
                perQuery.push_back(
                    {{"xquad-r", Setting::Mo, "en", "en"}, eval::Metric::Map, qid, enValue});
                perQuery.push_back(
                    {{"xquad-r", Setting::Mo, "de", "de"}, eval::Metric::Map, qid, 0.5});
            }
            QVERIFY(store->results()
                        .record(run,
                                {cell(Setting::Mo, "en", "en", enValue),
                                 cell(Setting::Mo, "de", "de", 0.5)},
                                perQuery)
                        .ok());
        }
        ui::CompareView view;
        view.showRuns(*store, {a, b});
        const ui::HeatmapData& data = view.heatmap()->controller()->data();
        const int en = int(data.rowLabels.indexOf(QStringLiteral("en")));
        const int de = int(data.rowLabels.indexOf(QStringLiteral("de")));
        QCOMPARE(data.cell(en, en).value, 1.0);
        QCOMPARE(data.cell(en, en).mark, QStringLiteral("*"));
        QVERIFY(data.cell(en, en).pCorrected < 0.05);
        QCOMPARE(data.cell(de, de).value, 0.0);
        QVERIFY(data.cell(de, de).mark.isEmpty());
        QCOMPARE(data.scale, ui::HeatmapScale::DivergingSymmetric);
        QVERIFY(view.statusText().endsWith(
            QStringLiteral("1 of 2 cells differ significantly over queries (*); over seeds (†): "
                           "needs ≥ 2 seeds per side")));
    }

    void runViewAppendsTheCurvesAStoreGains() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("e.db"));
        auto store = open(path);
        store::NewRun hybrid;
        hybrid.name = "hybrid";
        hybrid.strategy = "hybrid";
        hybrid.configJson = R"({"strategy": {"name": "hybrid", "alpha": 0.25}})";
        const std::int64_t run = store->runs().create(hybrid).value();
        auto writer = open(path);
        auto log = writer->metricsWriter(run);
        const auto logSteps = [&](int from, int to) {
            for (int step = from; step <= to; ++step) {
                store::StepMetric metric{step,  0.0,          1.0 / step,  0.001,
                                         100.0, std::nullopt, std::nullopt};
                if (step % 5 == 0) metric.validationLoss = 2.0 / step;
                QVERIFY(log->add(metric).ok());
                QVERIFY(log->add(store::BatchTelemetry{step, step % 4 == 0 ? "mono" : "cross", "",
                                                       std::nullopt, std::nullopt, 8})
                            .ok());
            }
            QVERIFY(log->flush().ok());
        };
        logSteps(1, 10);
        ui::RunView view;
        view.showRun(*store, run);
        QVERIFY(view.headline().startsWith(QStringLiteral("#%1 hybrid — hybrid").arg(run)));
        QCOMPARE(view.curves()->rawGraph(ui::CurveSeries::TrainingLoss)->dataCount(), 10);
        QCOMPARE(view.curves()->rawGraph(ui::CurveSeries::ValidationLoss)->dataCount(), 2);
        logSteps(11, 20);
        view.refresh();
        QCOMPARE(view.curves()->rawGraph(ui::CurveSeries::TrainingLoss)->dataCount(), 20);
        QCOMPARE(view.curves()->rawGraph(ui::CurveSeries::LearningRate)->dataCount(), 20);
        QCOMPARE(view.curves()->rawGraph(ui::CurveSeries::ValidationLoss)->dataCount(), 4);
        QCOMPARE(view.curves()->rawGraph(ui::CurveSeries::TrainingLoss)->data()->at(19)->value,
                 1.0 / 20);
        // Hybrid: the running share of mono batches (every 4th step here) against α = 0.25.
        QCOMPARE(view.batchMix()->alpha(), 0.25);
        QCOMPARE(view.batchMix()->shareGraph()->dataCount(), 20);
        QCOMPARE(view.batchMix()->shareGraph()->data()->at(19)->value, 5.0 / 20);
    }

    void mainWindowShowsRunsAnotherProcessWrites() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("e.db"));
        auto settings = std::make_shared<ui::AppSettings>(dir.filePath(QStringLiteral("s.ini")));
        ui::MainWindow window(open(path), settings);
        QCOMPARE(window.runsModel()->rowCount(), 0);
        auto writer = open(path);  // another connection, as another process would hold
        const std::int64_t run = addRun(*writer, "from a terminal");
        QTRY_COMPARE_WITH_TIMEOUT(window.runsModel()->rowCount(), 1, 5000);
        QVERIFY(writer->runs().start(run).ok());
        QTRY_COMPARE_WITH_TIMEOUT(
            window.runsModel()->index(0, ui::RunsTreeModel::Status).data().toString(),
            QStringLiteral("running"), 5000);
    }

    void duplicateAndChangePutsAStoredConfigInTheSetupForm() {
        QTemporaryDir dir;
        auto settings = std::make_shared<ui::AppSettings>(dir.filePath(QStringLiteral("s.ini")));
        auto store = open(dir.filePath(QStringLiteral("e.db")));
        auto preset = experiment::readTrainingConfig(MTREC_SOURCE_DIR
                                                     "/resources/configs/demo-multitask.json");
        QVERIFY(preset.ok());
        experiment::TrainingConfig config = preset.value().config;
        config.seed = 21;
        config.tokenizer.train->seed = 21;  // the form trains each run's tokenizer with its seed
        store::NewRun stored;
        stored.name = "stored";
        stored.strategy = "multitask";
        stored.configJson = experiment::toJson(config).dump();
        const std::int64_t withConfig = store->runs().create(stored).value();
        stored.configJson = R"({"command": "eval", "scorer": "bm25"})";
        const std::int64_t baseline = store->runs().create(stored).value();
        ui::MainWindow window(std::move(store), settings);

        window.selectRuns({withConfig});
        QVERIFY(window.duplicateSelectedRun());
        QVERIFY2(window.setupForm()->config() == config,
                 (experiment::toJson(window.setupForm()->config()).dump() + "\n" +
                  experiment::toJson(config).dump())
                     .c_str());
        window.selectRuns({baseline});
        QVERIFY(!window.duplicateSelectedRun());
    }

    void selectingTwoRunsOpensCompare() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("e.db"));
        auto settings = std::make_shared<ui::AppSettings>(dir.filePath(QStringLiteral("s.ini")));
        auto store = open(path);
        const std::int64_t a = addRun(*store, "A");
        const std::int64_t b = addRun(*store, "B");
        ui::MainWindow window(std::move(store), settings);
        window.selectRuns({b, a});
        QCOMPARE(window.selectedRuns(), (QList<qint64>{b, a}));
        QVERIFY(window.compareView()->isVisibleTo(window.compareView()->parentWidget()));
        QVERIFY(window.showView(QStringLiteral("bias")));
        QVERIFY(!window.showView(QStringLiteral("nonsense")));
    }
};

QTEST_MAIN(ResultViewsTest)
#include "result_views_test.moc"
