// The welcome page's "Run the quick demo": a child `mtrec demo --quick --db <open database>
// --progress jsonl` (a fake here, tests/ui/fake_mtrec.sh), its progress in the status bar with a
// Cancel button, and the hybrid and multitask runs selected for Compare when it finishes.
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include "app_settings.h"
#include "child_job.h"
#include "compare_view.h"
#include "main_window.h"
#include "store/experiment_store.h"

using mtrec::store::ExperimentStore;

class QuickDemoTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<mtrec::ui::MainWindow> window(const QString& path) {
        auto store = ExperimentStore::open(path.toStdString());
        if (!store) qFatal("cannot open store: %s", store.error().message.c_str());
        auto settings =
            std::make_shared<mtrec::ui::AppSettings>(dir_.filePath(QStringLiteral("s.ini")));
        auto made = std::make_unique<mtrec::ui::MainWindow>(
            std::make_unique<ExperimentStore>(std::move(store).value()), settings);
        made->setTrainerProgram(QStringLiteral(MTREC_FAKE_CHILD));
        return made;
    }

    static QString statusText(mtrec::ui::MainWindow& window) {
        QString text;
        for (const QLabel* label : window.statusBar()->findChildren<QLabel*>())
            text += label->text() + QLatin1Char('\n');
        return text;
    }

    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() {
        qunsetenv("MTREC_FAKE_ARGS_FILE");
        qunsetenv("MTREC_FAKE_DEMO_RUNS");
    }

    void theWelcomeButtonStartsTheDemoIntoTheOpenDatabaseAndCancelStopsIt() {
        const QString db = dir_.filePath(QStringLiteral("welcome.db"));
        const QString argsFile = dir_.filePath(QStringLiteral("args.txt"));
        qputenv("MTREC_FAKE_ARGS_FILE", argsFile.toUtf8());
        auto shown = window(db);
        auto* demo = shown->findChild<QPushButton*>(QStringLiteral("runQuickDemo"));
        QVERIFY(demo);
        demo->click();
        QVERIFY(shown->quickDemo());
        QTRY_VERIFY(statusText(*shown).contains(
            QStringLiteral("Quick demo, run 5 of 6 (#7) — training step 3/200 · loss 0.500")));
        QFile args(argsFile);
        QVERIFY(args.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(args.readAll()),
                 QStringLiteral("demo\n--quick\n--db\n%1\n--progress\njsonl\n"
                                "OMP_WAIT_POLICY=PASSIVE\n")
                     .arg(db));
        QVERIFY(!shown->runQuickDemo());  // one at a time

        auto* cancel = shown->findChild<QPushButton*>(QStringLiteral("cancelQuickDemo"));
        QVERIFY(cancel && cancel->isVisibleTo(shown.get()));
        QSignalSpy ended(shown->quickDemo(), &mtrec::ui::ChildJob::ended);
        cancel->click();
        QVERIFY(ended.wait(5000));
        QCOMPARE(ended.at(0).at(0).value<mtrec::ui::RunEnd>(), mtrec::ui::RunEnd::Cancelled);
        QVERIFY(!shown->quickDemo());
        QVERIFY(!cancel->isVisibleTo(shown.get()));
        QVERIFY(shown->statusBar()->currentMessage().startsWith(
            QStringLiteral("Quick demo cancelled")));
    }

    void aFinishedDemoSelectsItsHybridAndMultitaskRunsForCompare() {
        const QString db = dir_.filePath(QStringLiteral("finished.db"));
        std::vector<std::int64_t> ids;
        {
            auto writer = ExperimentStore::open(db.toStdString()).value();
            for (const char* name : {"demo-mono", "demo-hybrid", "demo-multitask"}) {
                mtrec::store::NewRun run;
                run.name = name;
                run.strategy = "hybrid";
                ids.push_back(writer.runs().create(run).value());
            }
        }
        qputenv("MTREC_FAKE_DEMO_RUNS",
                QStringLiteral(R"({"demo-mono":[%1],"demo-hybrid":[%2],"demo-multitask":[%3]})")
                    .arg(ids[0])
                    .arg(ids[1])
                    .arg(ids[2])
                    .toUtf8());
        auto shown = window(db);
        QVERIFY(shown->runQuickDemo());
        QSignalSpy ended(shown->quickDemo(), &mtrec::ui::ChildJob::ended);
        QVERIFY(ended.wait(5000));
        QCOMPARE(ended.at(0).at(0).value<mtrec::ui::RunEnd>(), mtrec::ui::RunEnd::Finished);
        QCOMPARE(shown->selectedRuns(), (QList<qint64>{ids[1], ids[2]}));
        QVERIFY(shown->compareView()->isVisibleTo(shown.get()));
        QCOMPARE(shown->statusBar()->currentMessage(), QStringLiteral("Quick demo finished"));
    }
};

QTEST_MAIN(QuickDemoTest)
#include "quick_demo_test.moc"
