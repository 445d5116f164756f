#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "main_window.h"
#include "runs_table_model.h"
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

    std::unique_ptr<ExperimentStore> openStore(const QString& path) {
        auto store = ExperimentStore::open(path.toStdString());
        if (!store) qFatal("cannot open store: %s", store.error().message.c_str());
        return std::make_unique<ExperimentStore>(std::move(store).value());
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void createsDatabaseAndShowsEmptyRunsList() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("experiments.db"));
        QVERIFY(!QFile::exists(path));
        mtrec::ui::MainWindow window(openStore(path));
        QVERIFY(QFile::exists(path));
        QAbstractItemModelTester tester(window.runsModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(window.runsModel()->rowCount(), 0);
        QCOMPARE(window.runsModel()->columnCount(), int(mtrec::ui::RunsTableModel::ColumnCount));
        auto* stack = window.findChild<QStackedWidget*>();
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyRunsLabel"));
    }

    void listsRunsAfterRefreshAndSortsById() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("experiments.db"));
        mtrec::ui::MainWindow window(openStore(path));
        QAbstractItemModelTester tester(window.runsModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        auto writer = openStore(path);
        QVERIFY(writer->runs().create(newRun("hybrid a=0.5", "hybrid", 1)).ok());
        QVERIFY(writer->runs().create(newRun("multitask rr", "multitask", 2)).ok());
        window.refreshRuns();

        auto* model = window.runsModel();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, mtrec::ui::RunsTableModel::Strategy).data().toString(),
                 QStringLiteral("hybrid"));
        QCOMPARE(model->index(1, mtrec::ui::RunsTableModel::Status).data().toString(),
                 QStringLiteral("queued"));
        // The view sorts by id, newest first.
        const QAbstractItemModel* shown = window.runsView()->model();
        QCOMPARE(shown->index(0, mtrec::ui::RunsTableModel::Name).data().toString(),
                 QStringLiteral("multitask rr"));
    }

    void filterNarrowsTheTable() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("experiments.db"));
        auto writer = openStore(path);
        QVERIFY(writer->runs().create(newRun("hybrid a=0.5", "hybrid", 1)).ok());
        QVERIFY(writer->runs().create(newRun("multitask rr", "multitask", 2)).ok());
        mtrec::ui::MainWindow window(openStore(path));
        auto* filter = window.findChild<QLineEdit*>();
        QVERIFY(filter);
        QTest::keyClicks(filter, QStringLiteral("multi"));
        QCOMPARE(window.runsView()->model()->rowCount(), 1);
    }
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
