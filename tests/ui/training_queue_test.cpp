#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "app_settings.h"
#include "experiment/training_config.h"
#include "main_window.h"
#include "results_view.h"
#include "run_queue.h"
#include "setup/setup_form.h"
#include "store/experiment_store.h"

using namespace mtrec;

/// The workbench's queue end to end: runs queued from configs train in real `mtrec` children,
/// report progress, land in the store and show in the Results view.
class TrainingQueueTest : public QObject {
    Q_OBJECT

    /// The demo hybrid preset shrunk to seconds: a tiny encoder, 6 steps, two languages.
    static experiment::TrainingConfig tinyDemoConfig(int seed) {
        auto parsed =
            experiment::readTrainingConfig(MTREC_SOURCE_DIR "/resources/configs/demo-hybrid.json");
        if (!parsed) qFatal("%s", parsed.error().message.c_str());
        nlohmann::json json = experiment::toJson(parsed.value().config);
        json["name"] = "tiny-hybrid-s" + std::to_string(seed);
        json["seed"] = seed;
        json["threads"] = 1;
        json["data"]["languages"] = {"de", "en"};
        json["data"]["jsonl"] = {MTREC_SOURCE_DIR "/resources/demo/train.jsonl"};
        for (auto& files : json["data"]["parallel_sentences"])
            for (const char* side : {"query", "passage"})
                files[side] = MTREC_SOURCE_DIR "/" + files[side].get<std::string>();
        json["evaluation"][0]["data"] = MTREC_SOURCE_DIR "/resources/demo/eval";
        // The 256 byte pieces and every character of the demo's parallel sentences need 646.
        json["tokenizer"]["train"]["vocab_size"] = 700;
        json["model"]["hidden_size"] = 16;
        json["model"]["layers"] = 1;
        json["model"]["heads"] = 2;
        json["model"]["intermediate_size"] = 32;
        json["strategy"]["batch_size"] = 8;
        json["optimizer"]["steps"] = 6;
        json["optimizer"]["warmup_steps"] = 1;
        json["optimizer"]["eval_every"] = 3;
        json["optimizer"]["checkpoint_every"] = 3;
        json["evaluation"][0]["languages"] = {"de", "en"};
        const auto tiny = experiment::parseTrainingConfig(json);
        if (!tiny.problems.empty()) qFatal("%s", tiny.problems.front().message.c_str());
        return tiny.config;
    }

private Q_SLOTS:
    void queuedRunsTrainInChildrenAndShowTheirResults() {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("e.db"));
        auto store = store::ExperimentStore::open(db.toStdString());
        QVERIFY(store.ok());
        auto settings = std::make_shared<ui::AppSettings>(dir.filePath(QStringLiteral("s.ini")));
        ui::MainWindow window(std::make_unique<store::ExperimentStore>(std::move(store).value()),
                              settings);
        window.setTrainerProgram(QStringLiteral(MTREC_EXECUTABLE));
        window.setupForm()->setBaseDir(dir.path());  // the runs' folders go under it
        QSignalSpy progress(window.runQueue(), &ui::RunQueue::progress);
        QSignalSpy ended(window.runQueue(), &ui::RunQueue::runEnded);

        const QList<qint64> ids = window.queueRuns({tinyDemoConfig(13), tinyDemoConfig(14)});
        QCOMPARE(ids.size(), 2);
        for (int i = 0; i < 1200 && ended.count() < 2; ++i) ended.wait(100);
        QCOMPARE(ended.count(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(ended.at(i).at(0).toLongLong(), ids[i]);
            QCOMPARE(ended.at(i).at(1).value<ui::RunEnd>(), ui::RunEnd::Finished);
        }

        // Progress came as phases in order, training steps increasing, ending with Done.
        QStringList phases;
        qint64 lastStep = 0;
        for (const auto& signal : progress) {
            const auto report = signal.at(0).value<ui::RunProgress>();
            if (report.runId != ids[0]) continue;
            if (phases.isEmpty() || phases.last() != report.phase) phases.append(report.phase);
            if (report.phase == QLatin1String("training")) {
                QVERIFY(report.step >= lastStep);
                lastStep = report.step;
            }
        }
        QVERIFY2(phases.contains(QStringLiteral("training")), qPrintable(phases.join(u',')));
        QCOMPARE(lastStep, 6);
        QVERIFY(phases.indexOf(QStringLiteral("training")) <
                phases.indexOf(QStringLiteral("ranking")));

        // The runs show in the table and their results in the Results view.
        window.followChanges();
        window.selectRuns({ids[0]});
        QVERIFY(window.resultsView()->summaryText().startsWith(
            QStringLiteral("mAP (macro averages): Mo")));
    }
};

QTEST_MAIN(TrainingQueueTest)
#include "training_queue_test.moc"
