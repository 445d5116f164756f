// The Run tab's log (ui/run_log.h over store::RunHistory): what the store knows of a run, in time
// order, updated when the view reloads; and its heatmap of the pairs trained per language pair.
#include <QTemporaryDir>
#include <cmath>
#include <QtTest>

#include "charts/heatmap_view.h"
#include "run_view.h"
#include "store/experiment_store.h"

using namespace mtrec;

class RunLogTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listsAStoredRunsEventsInOrderAndFollowsItsEnd() {
        QTemporaryDir dir;
        auto now = std::make_shared<std::int64_t>(1'764'130'500'000);  // 2025-11-26 04:15:00Z
        store::StoreOptions options;
        options.clock = [now] { return *now; };
        auto opened = store::ExperimentStore::open(
            dir.filePath(QStringLiteral("e.db")).toStdString(), options);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        store::ExperimentStore store = std::move(opened).value();
        store::RunRepository runs = store.runs();
        store::NewRun run;
        run.name = "hybrid";
        run.strategy = "hybrid";
        const std::int64_t id = runs.create(run).value();
        *now += 1'000;
        QVERIFY(runs.start(id).ok());
        {
            auto writer = store.metricsWriter(id);
            *now += 59'000;  // 04:16:00
            QVERIFY(writer->add(store::StepMetric{10, 0.1, 3.0, 1e-4, 50.0, 2.5, std::nullopt}).ok());
            QVERIFY(writer->flush().ok());
        }
        QVERIFY(runs.setCheckpoint(id, "ckpt/step-10").ok());
        *now += 60'000;  // 04:17:00
        QVERIFY(runs.fail(id, "out of memory").ok());
        *now += 60'000;  // 04:18:00
        QVERIFY(runs.start(id).ok());
        *now += 1'000;
        QVERIFY(runs.addNote(id, "lower the batch").ok());

        ui::RunView view;
        view.showRun(store, id);
        // The failure's time is gone with the resume: only its note keeps what happened.
        QCOMPARE(view.logText(),
                 QStringLiteral("2025-11-26 04:15:00Z  created\n"
                                "2025-11-26 04:15:01Z  started\n"
                                "2025-11-26 04:16:00Z  step 10: validation loss 2.5000\n"
                                "2025-11-26 04:18:00Z  resumed after: failed: out of memory\n"
                                "2025-11-26 04:18:01Z  note: lower the batch\n"
                                "                      latest checkpoint: ckpt/step-10"));

        *now += 59'000;  // 04:19:00
        QVERIFY(runs.finish(id).ok());
        view.showRun(store, id);
        QVERIFY(view.logText().endsWith(
            QStringLiteral("                      latest checkpoint: ckpt/step-10\n"
                           "2025-11-26 04:19:00Z  ended: finished")));

        view.clear();
        QVERIFY(view.logText().isEmpty());
    }

    void drawsThePairsTrainedPerLanguagePair() {
        QTemporaryDir dir;
        auto opened =
            store::ExperimentStore::open(dir.filePath(QStringLiteral("e.db")).toStdString());
        QVERIFY(opened.ok());
        store::ExperimentStore store = std::move(opened).value();
        store::NewRun run;
        run.name = "hybrid";
        run.strategy = "hybrid";
        const std::int64_t id = store.runs().create(run).value();
        {
            auto writer = store.metricsWriter(id);
            QVERIFY(writer->add(store::BatchTelemetry{1, "mono", "", "en", "en", 16}).ok());
            QVERIFY(writer->add(store::BatchTelemetry{2, "cross", "", "de", "en", 10}).ok());
            QVERIFY(writer->add(store::BatchTelemetry{2, "cross", "", "en", "de", 6}).ok());
            QVERIFY(writer->add(store::BatchTelemetry{3, "mono", "", "en", "en", 16}).ok());
            QVERIFY(writer->add(store::BatchTelemetry{4, "mixed", "", std::nullopt, std::nullopt,
                                                      16})
                        .ok());  // no single language pair: not in the heatmap
            QVERIFY(writer->flush().ok());
        }
        ui::RunView view;
        view.showRun(store, id);
        const ui::HeatmapData& data = view.trainedPairs()->data();
        QCOMPARE(data.rowLabels, QStringList({QStringLiteral("de"), QStringLiteral("en")}));
        QCOMPARE(data.columnLabels, data.rowLabels);
        QVERIFY(!data.hasMulColumn);
        QVERIFY(std::isnan(data.cell(0, 0).value));  // de-de: never trained
        QCOMPARE(data.cell(0, 1).value, 10.0);       // de queries, en passages
        QCOMPARE(data.cell(1, 0).value, 6.0);
        QCOMPARE(data.cell(1, 1).value, 32.0);  // two mono batches of 16
        view.clear();
        QVERIFY(view.trainedPairs()->data().cells.empty());
    }
};

QTEST_MAIN(RunLogTest)
#include "run_log_test.moc"
