#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTreeView>
#include <QTemporaryDir>
#include <QtTest>

#include "about_dialog.h"
#include "app_settings.h"
#include "main_window.h"
#include "runs_tree_model.h"
#include "setup/setup_form.h"
#include "store/experiment_store.h"

using mtrec::store::ExperimentStore;

class MainWindowTest : public QObject {
    Q_OBJECT

private:
    static mtrec::store::NewRun newRun(const char* name, const char* strategy, int seed) {
        mtrec::store::NewRun run;
        run.name = name;
        run.strategy = strategy;
        run.seed = seed;
        return run;
    }

    /// Settings in a file of the test's own, never the user's.
    std::shared_ptr<mtrec::ui::AppSettings> settings() {
        return std::make_shared<mtrec::ui::AppSettings>(
            settingsDir_.filePath(QStringLiteral("s.ini")));
    }

    std::unique_ptr<ExperimentStore> openStore(const QString& path) {
        auto store = ExperimentStore::open(path.toStdString());
        if (!store) qFatal("cannot open store: %s", store.error().message.c_str());
        return std::make_unique<ExperimentStore>(std::move(store).value());
    }

    QTemporaryDir settingsDir_;
    int settingsFiles_ = 0;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void createsDatabaseAndShowsEmptyRunsList() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("experiments.db"));
        QVERIFY(!QFile::exists(path));
        mtrec::ui::MainWindow window(openStore(path), settings());
        QVERIFY(QFile::exists(path));
        QAbstractItemModelTester tester(window.runsModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(window.runsModel()->rowCount(), 0);
        QCOMPARE(window.runsModel()->columnCount(), int(mtrec::ui::RunsTreeModel::ColumnCount));
        auto* stack = window.findChild<QStackedWidget*>(QStringLiteral("mainStack"));
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("welcomePage"));
        // "New experiment" leaves the welcome page for the Setup form, which stays up.
        auto* newExperiment = window.findChild<QPushButton*>(QStringLiteral("newExperiment"));
        QVERIFY(newExperiment);
        newExperiment->click();
        QVERIFY(stack->currentWidget()->objectName() != QStringLiteral("welcomePage"));
        QVERIFY(window.setupForm()->isVisibleTo(stack->currentWidget()));
        window.refreshRuns();
        QVERIFY(stack->currentWidget()->objectName() != QStringLiteral("welcomePage"));
    }

    void listsRunsAfterRefreshAndSortsById() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("experiments.db"));
        mtrec::ui::MainWindow window(openStore(path), settings());
        QAbstractItemModelTester tester(window.runsModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        auto writer = openStore(path);
        QVERIFY(writer->runs().create(newRun("hybrid a=0.5", "hybrid", 1)).ok());
        QVERIFY(writer->runs().create(newRun("multitask rr", "multitask", 2)).ok());
        window.refreshRuns();

        auto* model = window.runsModel();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, mtrec::ui::RunsTreeModel::Strategy).data().toString(),
                 QStringLiteral("hybrid"));
        QCOMPARE(model->index(1, mtrec::ui::RunsTreeModel::Status).data().toString(),
                 QStringLiteral("queued"));
        // The view sorts by id, newest first.
        const QAbstractItemModel* shown = window.runsView()->model();
        QCOMPARE(shown->index(0, mtrec::ui::RunsTreeModel::Name).data().toString(),
                 QStringLiteral("multitask rr"));
    }

    void filterNarrowsTheTable() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("experiments.db"));
        auto writer = openStore(path);
        QVERIFY(writer->runs().create(newRun("hybrid a=0.5", "hybrid", 1)).ok());
        QVERIFY(writer->runs().create(newRun("multitask rr", "multitask", 2)).ok());
        mtrec::ui::MainWindow window(openStore(path), settings());
        auto* filter = window.findChild<QLineEdit*>(QStringLiteral("runsFilter"));
        QVERIFY(filter);
        QTest::keyClicks(filter, QStringLiteral("multi"));
        QCOMPARE(window.runsView()->model()->rowCount(), 1);
    }

    void remembersRecentDatabasesNewestFirst() {
        QTemporaryDir dir;
        const QString first = dir.filePath(QStringLiteral("first.db"));
        const QString second = dir.filePath(QStringLiteral("second.db"));
        const QString settingsFile = dir.filePath(QStringLiteral("settings.ini"));
        auto shared = std::make_shared<mtrec::ui::AppSettings>(settingsFile);
        {
            mtrec::ui::MainWindow window(openStore(first), shared);
            QVERIFY(window.switchDatabase(second));
            QCOMPARE(QString::fromStdString(window.store().path()), second);
            auto* recent = window.findChild<QListWidget*>(QStringLiteral("recentDatabases"));
            QVERIFY(recent);
            QCOMPARE(recent->count(), 2);
            QCOMPARE(recent->item(0)->text(), second);
            QCOMPARE(recent->item(1)->text(), first);
        }
        // Reopening the first moves it to the front without a duplicate.
        mtrec::ui::AppSettings reread(settingsFile);
        reread.addRecentDatabase(first);
        QCOMPARE(reread.recentDatabases(), (QStringList{first, second}));
        QCOMPARE(reread.lastExistingDatabase(), first);
    }

    void recentListKeepsTheNewestEight() {
        QTemporaryDir dir;
        mtrec::ui::AppSettings recent(dir.filePath(QStringLiteral("r.ini")));
        for (int i = 0; i < 10; ++i)
            recent.addRecentDatabase(dir.filePath(QStringLiteral("%1.db").arg(i)));
        const QStringList paths = recent.recentDatabases();
        QCOMPARE(paths.size(), mtrec::ui::AppSettings::kMaxRecent);
        QCOMPARE(paths.first(), dir.filePath(QStringLiteral("9.db")));
        QCOMPARE(paths.last(), dir.filePath(QStringLiteral("2.db")));
        // None of them exists as a file.
        QVERIFY(recent.lastExistingDatabase().isEmpty());
    }

    void savesWindowGeometryOnClose() {
        QTemporaryDir dir;
        auto shared = settings();
        mtrec::ui::MainWindow window(openStore(dir.filePath(QStringLiteral("e.db"))), shared);
        window.resize(1000, 700);
        window.close();
        QVERIFY(!shared->windowGeometry().isEmpty());
        QVERIFY(!shared->windowState().isEmpty());
    }

    void aboutNamesEveryComponentVersion() {
        const QString text = mtrec::ui::aboutText();
        for (const char* name :
             {"Qt", "LibTorch", "SentencePiece", "SQLite", "ICU", "Runs database schema"})
            QVERIFY2(text.contains(QLatin1String(name)), name);
        QVERIFY(text.contains(QStringLiteral("1.13")));
        QVERIFY(text.contains(QStringLiteral("0.1.97")));
    }
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
