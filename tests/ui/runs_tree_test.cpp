#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>
#include <cmath>

#include "app_settings.h"
#include "bias_view.h"
#include "compare_view.h"
#include "main_window.h"
#include "run_row.h"
#include "run_tags.h"
#include "runs_filter_proxy.h"
#include "runs_tree_cells.h"
#include "runs_tree_model.h"
#include "store/experiment_store.h"

using namespace mtrec;
using Model = ui::RunsTreeModel;

/// The runs tree: seed groups with mean ± sample std, the pinned baseline's deltas, tags and notes
/// edited through the store, the filters, and what selecting a group does in the main window.
/// Every database holds three seeds of one hybrid config (Mo mAP 0.25, 0.30, 0.41; Cr only on two
/// of them), a mono run (Mo 0.25) and a BM25 run stored without a config (Mo 0.5).
class RunsTreeTest : public QObject {
    Q_OBJECT

    struct Runs {
        std::int64_t hybrid13 = 0, hybrid14 = 0, hybrid15 = 0, mono = 0, bm25 = 0;
    };

    static std::unique_ptr<store::ExperimentStore> open(const QString& path) {
        auto store = store::ExperimentStore::open(path.toStdString());
        if (!store) qFatal("cannot open %s: %s", qPrintable(path), store.error().message.c_str());
        return std::make_unique<store::ExperimentStore>(std::move(store).value());
    }

    static std::string config(const char* strategy, int seed, const char* extra = "") {
        // Plain literals: moc miscounts the braces of raw strings.
        return "{\"name\":\"demo\",\"seed\":" + std::to_string(seed) +
               ",\"optimizer\":{\"steps\":200},\"strategy\":{\"name\":\"" + strategy + "\"" +
               extra + "}}";
    }

    static std::int64_t addRun(store::ExperimentStore& store, const char* name,
                               const char* strategy, int seed, const std::string& configJson) {
        store::NewRun run;
        run.name = name;
        run.strategy = strategy;
        run.seed = seed;
        run.configJson = configJson;
        return store.runs().create(run).value();
    }

    static void record(store::ExperimentStore& store, std::int64_t run, double mo,
                       std::optional<double> cr = std::nullopt,
                       std::optional<double> rankDistance = std::nullopt) {
        const auto summary = [](eval::Setting setting, store::Measure metric, double value) {
            return store::EvalCell{{"xquad-r", setting, "all", "all"}, metric, value, "macro", {}};
        };
        std::vector<store::EvalCell> cells{summary(eval::Setting::Mo, eval::Metric::Map, mo)};
        if (cr) cells.push_back(summary(eval::Setting::Cr, eval::Metric::Map, *cr));
        if (rankDistance)
            cells.push_back(
                summary(eval::Setting::Mul, store::BiasMeasure::RankDistance, *rankDistance));
        QVERIFY(store.results().record(run, cells).ok());
    }

    static Runs fill(store::ExperimentStore& store) {
        Runs runs;
        const char* alpha = ",\"alpha\":0.5";
        runs.hybrid13 = addRun(store, "demo-hybrid", "hybrid", 13, config("hybrid", 13, alpha));
        runs.hybrid14 = addRun(store, "demo-hybrid", "hybrid", 14, config("hybrid", 14, alpha));
        runs.hybrid15 = addRun(store, "demo-hybrid", "hybrid", 15, config("hybrid", 15, alpha));
        runs.mono = addRun(store, "demo", "mono", 13, config("mono", 13));
        runs.bm25 = addRun(store, "bm25 on xquad-r", "bm25", 0, "{}");
        record(store, runs.hybrid13, 0.25, 0.1, 2.0);
        record(store, runs.hybrid14, 0.30, 0.2, 3.0);
        record(store, runs.hybrid15, 0.41);
        record(store, runs.mono, 0.25);
        record(store, runs.bm25, 0.5);
        return runs;
    }

    /// A model over the store's rows, as the main window fills it.
    static void load(Model& model, store::ExperimentStore& store) {
        auto rows = ui::readRunRows(store);
        QVERIFY(rows.ok());
        model.setStore(&store);
        model.setRows(std::move(rows).value(), store.now());
    }

    static QModelIndex groupRow(const Model& model) {
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.index(row, 0).data(Model::IsGroupRole).toBool()) return model.index(row, 0);
        return {};
    }

    static QString cell(const QModelIndex& row, int column) {
        return row.siblingAtColumn(column).data().toString();
    }

    std::shared_ptr<ui::AppSettings> settings() {
        return std::make_shared<ui::AppSettings>(dir_.filePath(QStringLiteral("s.ini")));
    }

    QTemporaryDir dir_;
    QString path_;  ///< this test's database, filled by init()
    std::unique_ptr<store::ExperimentStore> store_;
    Runs runs_;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        path_ = dir_.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                              QStringLiteral(".db"));
        store_ = open(path_);
        runs_ = fill(*store_);
    }

    void cleanup() { store_.reset(); }

    void seedsGroupWithMeanAndSampleStd() {
        Model model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        load(model, *store_);

        QCOMPARE(model.rowCount(), 3);  // the hybrid group, mono, bm25
        QCOMPARE(model.runCount(), 5);
        const QModelIndex group = groupRow(model);
        QVERIFY(group.isValid());
        QCOMPARE(model.rowCount(group), 3);
        QCOMPARE(cell(group, Model::Name), QStringLiteral("demo-hybrid — 3 seeds"));  // their name
        QCOMPARE(cell(group, Model::Alpha), QStringLiteral("0.5"));
        QCOMPARE(cell(group, Model::Seed), QStringLiteral("13, 14, 15"));
        // Mo: mean (0.25 + 0.30 + 0.41) / 3 = 0.32; deviations -0.07, -0.02, 0.09, so the sample
        // std is sqrt((0.0049 + 0.0004 + 0.0081) / 2) = sqrt(0.0067) = 0.08185.
        QCOMPARE(cell(group, Model::MoMap), QStringLiteral("0.320 ± 0.082"));
        QCOMPARE(group.siblingAtColumn(Model::MoMap).data(Model::SortRole).toDouble(), 0.32);
        // Cr on two runs: mean 0.15, std sqrt(0.05² + 0.05²) = 0.0707; rank distance 2.5 ± 0.71.
        QCOMPARE(cell(group, Model::CrMap), QStringLiteral("0.150 ± 0.071"));
        QCOMPARE(cell(group, Model::RankDistance), QStringLiteral("2.50 ± 0.71"));
        const QString tip = group.siblingAtColumn(Model::CrMap).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("over 2 of its 3 runs")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("sample standard deviation")), qPrintable(tip));
        QVERIFY(cell(group, Model::MulMap).isEmpty());
        QCOMPARE(cell(group, Model::Steps), QStringLiteral("—/600"));

        // The children are the runs, with their own values.
        const QModelIndex first = model.index(0, 0, group);
        QCOMPARE(first.data(Model::RunIdRole).toLongLong(), runs_.hybrid13);
        QCOMPARE(cell(first, Model::MoMap), QStringLiteral("0.250"));
        QCOMPARE(cell(first, Model::Seed), QStringLiteral("13"));
        QCOMPARE(cell(first, Model::Name), QStringLiteral("seed 13"));
        QCOMPARE(first.siblingAtColumn(Model::Name).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("demo-hybrid"));
        QCOMPARE(cell(first, Model::Status), QStringLiteral("queued"));
        QCOMPARE(group.data(Model::RunIdsRole).value<QList<qint64>>(),
                 (QList<qint64>{runs_.hybrid13, runs_.hybrid14, runs_.hybrid15}));
        // A run alone, and one stored without a config (never a replicate of anything).
        const QModelIndex mono = model.indexOfRun(runs_.mono);
        QVERIFY(!mono.parent().isValid());
        QCOMPARE(model.rowCount(mono), 0);
        QVERIFY(cell(mono, Model::Alpha).isEmpty());
        QVERIFY(!model.indexOfRun(runs_.bm25).parent().isValid());
    }

    void runningRunShowsItsProgress() {
        QVERIFY(store_->runs().start(runs_.hybrid13).ok());
        auto log = store_->metricsWriter(runs_.hybrid13);
        for (int step = 1; step <= 50; ++step) {
            store::StepMetric metric;
            metric.step = step;
            QVERIFY(log->add(metric).ok());
        }
        QVERIFY(log->flush().ok());
        Model model;
        load(model, *store_);
        const QModelIndex steps = model.indexOfRun(runs_.hybrid13, Model::Steps);
        QCOMPARE(steps.data().toString(), QStringLiteral("50/200"));
        QCOMPARE(steps.data(Model::ProgressRole).toInt(), 25);
        QVERIFY(
            !model.indexOfRun(runs_.hybrid14, Model::Steps).data(Model::ProgressRole).isValid());
        QCOMPARE(cell(groupRow(model), Model::Steps), QStringLiteral("50/600"));
        QCOMPARE(cell(groupRow(model), Model::Status), QStringLiteral("2 queued, 1 running"));
    }

    void cellsWriteValuesDeltasAndDurations() {
        QCOMPARE(ui::meanStdText(0.25, NAN, 3), QStringLiteral("0.250"));
        QCOMPARE(ui::deltaText(-0.0004, 3), QStringLiteral("+0.000"));
        QCOMPARE(ui::deltaText(-0.0126, 3), QStringLiteral("-0.013"));
        QCOMPARE(ui::durationText(45'000), QStringLiteral("45 s"));
        QCOMPARE(ui::durationText(65'000), QStringLiteral("1 m 05 s"));
        QCOMPARE(ui::durationText(3'725'000), QStringLiteral("1 h 02 m"));
        QCOMPARE(ui::durationText(90'061'000), QStringLiteral("1 d 01 h"));
        QCOMPARE(ui::stepsText(std::nullopt, 200), QStringLiteral("—/200"));
        QCOMPARE(ui::stepsText(12, std::nullopt), QStringLiteral("12"));
    }

    void contaminatedRunShowsAWarningTheMarkAndTheFinding() {
        QVERIFY(store_->results()
                    .recordContamination(runs_.mono, {"xquad-r", 8, 8, 20, 3, "8 of 8 questions"})
                    .ok());
        Model model;
        load(model, *store_);
        QModelIndex mono, bm25;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, Model::Name);
            const qint64 id = index.data(Model::RunIdRole).value<qint64>();
            if (id == runs_.mono) mono = index;
            if (id == runs_.bm25) bm25 = index;
        }
        QVERIFY(mono.isValid() && bm25.isValid());
        QCOMPARE(mono.data().toString(), QStringLiteral("demo [contaminated]"));
        QVERIFY(!mono.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(mono.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("demo\nxquad-r [contaminated: 8 shared questions, 3 shared "
                                "passages]: 8 of 8 questions"));
        QCOMPARE(bm25.data().toString(), QStringLiteral("bm25 on xquad-r"));
        QVERIFY(bm25.data(Qt::DecorationRole).isNull());
    }

    void sortingKeepsRunsUnderTheirGroup() {
        Model model;
        ui::RunsFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        load(model, *store_);
        proxy.sort(Model::MoMap, Qt::DescendingOrder);
        // bm25 0.5, the group's mean 0.32, mono 0.25.
        QCOMPARE(proxy.index(0, 0).data(Model::RunIdRole).toLongLong(), runs_.bm25);
        QVERIFY(proxy.index(1, 0).data(Model::IsGroupRole).toBool());
        QCOMPARE(proxy.index(2, 0).data(Model::RunIdRole).toLongLong(), runs_.mono);
        const QModelIndex group = proxy.index(1, 0);
        QCOMPARE(proxy.rowCount(group), 3);
        QCOMPARE(proxy.index(0, 0, group).data(Model::RunIdRole).toLongLong(), runs_.hybrid15);
        QCOMPARE(proxy.index(2, 0, group).data(Model::RunIdRole).toLongLong(), runs_.hybrid13);
    }

    void pinnedBaselineTurnsOtherRowsIntoDeltas() {
        Model model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        load(model, *store_);
        model.setBaselineKey(QStringLiteral("run:%1").arg(runs_.mono));
        const QModelIndex mono = model.indexOfRun(runs_.mono);
        const QModelIndex group = groupRow(model);
        QVERIFY(model.isBaseline(mono));
        QCOMPARE(cell(mono, Model::MoMap), QStringLiteral("0.250"));
        QCOMPARE(cell(mono, Model::Name), QStringLiteral("demo (baseline)"));
        QVERIFY(mono.data(Qt::FontRole).value<QFont>().bold());
        // 0.32 - 0.25 and 0.5 - 0.25; a group keeps its spread; a run's own 0.41 - 0.25.
        QCOMPARE(cell(group, Model::MoMap), QStringLiteral("+0.070 ± 0.082"));
        QCOMPARE(cell(model.indexOfRun(runs_.bm25), Model::MoMap), QStringLiteral("+0.250"));
        QCOMPARE(cell(model.indexOfRun(runs_.hybrid15), Model::MoMap), QStringLiteral("+0.160"));
        // Mono has no Cr: nothing to take a difference from, so values stay values.
        QCOMPARE(cell(group, Model::CrMap), QStringLiteral("0.150 ± 0.071"));
        const QString tip = group.siblingAtColumn(Model::MoMap).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("mean 0.320000")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("baseline 0.250000; difference +0.070000")),
                 qPrintable(tip));

        // The group as the baseline: the runs below it are now worse or better than its mean.
        model.setBaselineKey(group.data(Model::KeyRole).toString());
        QCOMPARE(cell(mono, Model::MoMap), QStringLiteral("-0.070"));
        QCOMPARE(cell(model.indexOfRun(runs_.hybrid13), Model::MoMap), QStringLiteral("-0.070"));
        QCOMPARE(cell(group, Model::MoMap), QStringLiteral("0.320 ± 0.082"));
        QCOMPARE(cell(model.indexOfRun(runs_.mono), Model::CrMap), QString());
        model.setBaselineKey(QString());
        QCOMPARE(cell(mono, Model::MoMap), QStringLiteral("0.250"));
    }

    void mainWindowRemembersTheBaselinePerDatabase() {
        const QString key = QStringLiteral("run:%1").arg(runs_.bm25);
        {
            ui::MainWindow window(open(path_), settings());
            window.pinBaseline(key);
            QCOMPARE(window.runsModel()->baselineKey(), key);
        }
        QCOMPARE(settings()->pinnedBaseline(path_), key);
        ui::MainWindow reopened(open(path_), settings());
        QCOMPARE(reopened.runsModel()->baselineKey(), key);
        QCOMPARE(cell(reopened.runsModel()->indexOfRun(runs_.mono), Model::MoMap),
                 QStringLiteral("-0.250"));
        reopened.pinBaseline(QString());
        QVERIFY(settings()->pinnedBaseline(path_).isEmpty());
    }

    void tagsRoundTripThroughTheStore() {
        Model model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        load(model, *store_);
        const QModelIndex tags = model.indexOfRun(runs_.hybrid14, Model::Tags);
        QVERIFY(tags.flags().testFlag(Qt::ItemIsEditable));
        QVERIFY(!groupRow(model).siblingAtColumn(Model::Tags).flags().testFlag(Qt::ItemIsEditable));
        // Commas separate; spaces around a tag go; quotes, a newline and SQL stay as typed.
        const QString typed =
            QStringLiteral(" best ,say \"hi\", two\nlines,x'); DROP TABLE runs;--,best,, ");
        QVERIFY(model.setData(tags, typed));
        const std::vector<std::string> expected{"best", "say \"hi\"", "two\nlines",
                                                "x'); DROP TABLE runs;--"};
        QCOMPARE(store_->runs().get(runs_.hybrid14).value().tags, expected);
        QCOMPARE(tags.data().toString(),
                 QStringLiteral("best, say \"hi\", two\nlines, x'); DROP TABLE runs;--"));
        // The group shows the union, and the runs table is still there.
        QCOMPARE(groupRow(model).data(Model::TagsRole).toStringList().size(), 4);
        QCOMPARE(store_->runs().list().value().size(), std::size_t(5));
        // Editing the shown text back changes nothing; removing all but one removes the rest.
        QVERIFY(model.setData(tags, tags.data(Qt::EditRole)));
        QCOMPARE(store_->runs().get(runs_.hybrid14).value().tags, expected);
        QVERIFY(model.setData(tags, QStringLiteral("x'); DROP TABLE runs;--")));
        QCOMPARE(store_->runs().get(runs_.hybrid14).value().tags,
                 std::vector<std::string>{"x'); DROP TABLE runs;--"});
    }

    void notesAddANoteAndWriteErrorsKeepTheOldValue() {
        Model model;
        load(model, *store_);
        QSignalSpy failures(&model, &Model::writeFailed);
        const QModelIndex notes = model.indexOfRun(runs_.mono, Model::Notes);
        QVERIFY(model.setData(notes, QStringLiteral("lr too high?\nrerun with 5e-4")));
        QVERIFY(model.setData(notes, QStringLiteral("rerun queued")));
        const auto stored = store_->runs().notes(runs_.mono).value();
        QCOMPARE(stored.size(), std::size_t(2));
        QCOMPARE(stored[0].text, std::string("lr too high?\nrerun with 5e-4"));
        QCOMPARE(notes.data().toString(), QStringLiteral("rerun queued"));
        QCOMPARE(failures.count(), 0);

        // Another process deletes the run: the edit fails, says so, and the cell keeps its value.
        QVERIFY(open(path_)->runs().remove(runs_.mono).ok());
        const QModelIndex tags = notes.siblingAtColumn(Model::Tags);
        QVERIFY(!model.setData(tags, QStringLiteral("lost")));
        QCOMPARE(failures.count(), 1);
        const QString message = failures.at(0).at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("run #%1").arg(runs_.mono)), qPrintable(message));
        QCOMPARE(tags.data().toString(), QString());
        QVERIFY(!model.setData(notes, QStringLiteral("lost too")));
        QCOMPARE(failures.count(), 2);
        QCOMPARE(notes.data().toString(), QStringLiteral("rerun queued"));
    }

    void filtersKeepTheRightRows() {
        QVERIFY(store_->runs().addTag(runs_.hybrid14, "keep").ok());
        QVERIFY(store_->runs().addTag(runs_.mono, "keep").ok());
        QVERIFY(store_->runs().start(runs_.hybrid15).ok());
        Model model;
        ui::RunsFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        load(model, *store_);
        proxy.sort(Model::Id, Qt::AscendingOrder);
        const auto shownRuns = [&proxy] {
            QList<qint64> ids;
            for (int row = 0; row < proxy.rowCount(); ++row) {
                const QModelIndex top = proxy.index(row, 0);
                if (!top.data(Model::IsGroupRole).toBool())
                    ids.append(top.data(Model::RunIdRole).toLongLong());
                for (int child = 0; child < proxy.rowCount(top); ++child)
                    ids.append(proxy.index(child, 0, top).data(Model::RunIdRole).toLongLong());
            }
            return ids;
        };
        QCOMPARE(shownRuns().size(), 5);
        proxy.setTag(QStringLiteral("keep"));
        QCOMPARE(shownRuns(), (QList<qint64>{runs_.hybrid14, runs_.mono}));
        QCOMPARE(proxy.rowCount(), 2);  // the group, with its one tagged run, and mono
        proxy.setTag(QString());
        proxy.setStrategy(QStringLiteral("hybrid"));
        QCOMPARE(shownRuns(), (QList<qint64>{runs_.hybrid13, runs_.hybrid14, runs_.hybrid15}));
        proxy.setStatus(QStringLiteral("running"));
        QCOMPARE(shownRuns(), (QList<qint64>{runs_.hybrid15}));
        proxy.setStrategy(QString());
        proxy.setStatus(QStringLiteral("queued"));
        QCOMPARE(shownRuns(),
                 (QList<qint64>{runs_.hybrid13, runs_.hybrid14, runs_.mono, runs_.bm25}));
        proxy.setStatus(QString());
        proxy.setText(QStringLiteral("BM25"));
        QCOMPARE(shownRuns(), (QList<qint64>{runs_.bm25}));
        proxy.setText(QStringLiteral("no such run"));
        QCOMPARE(proxy.rowCount(), 0);
    }

    void mainWindowFilterCombosOfferTheStoresValues() {
        QVERIFY(store_->runs().addTag(runs_.bm25, "lexical").ok());
        ui::MainWindow window(open(path_), settings());
        auto* strategies = window.findChild<QComboBox*>(QStringLiteral("strategyFilter"));
        auto* tags = window.findChild<QComboBox*>(QStringLiteral("tagFilter"));
        QVERIFY(strategies && tags);
        QCOMPARE(strategies->count(), 4);  // every strategy, bm25, hybrid, mono
        QCOMPARE(tags->count(), 2);
        tags->setCurrentIndex(tags->findData(QStringLiteral("lexical")));
        QCOMPARE(window.runsView()->model()->rowCount(), 1);
        // Ctrl+F (View → Filter runs) puts the cursor in the text filter.
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(window.findChild<QLineEdit*>(QStringLiteral("runsFilter"))->hasFocus());
    }

    void selectingAGroupComparesSeedGroups() {
        ui::MainWindow window(open(path_), settings());
        auto* groups = window.compareView()->findChild<QCheckBox*>();
        QVERIFY(groups);
        QVERIFY(!groups->isChecked());
        QTreeView* view = window.runsView();
        const auto proxyRow = [&](const QString& key) {
            auto* proxy = static_cast<QSortFilterProxyModel*>(view->model());
            return proxy->mapFromSource(window.runsModel()->indexOfKey(key));
        };
        const QString group = QStringLiteral("group:%1").arg(runs_.hybrid13);
        view->selectionModel()->select(proxyRow(group),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
        // One group: its first run in Results, Run and Bias.
        QCOMPARE(window.selectedRuns(), (QList<qint64>{runs_.hybrid13}));
        QVERIFY(groups->isChecked());
        view->selectionModel()->select(proxyRow(QStringLiteral("run:%1").arg(runs_.mono)),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(window.selectedRuns(), (QList<qint64>{runs_.hybrid13, runs_.mono}));
        auto* tabs = window.findChild<QTabWidget*>();
        QCOMPARE(tabs->currentWidget(), window.compareView());
        QVERIFY(groups->isChecked());
        // Runs alone again: Compare goes back to comparing runs.
        window.selectRuns({runs_.hybrid14, runs_.mono});
        QCOMPARE(window.selectedRuns(), (QList<qint64>{runs_.hybrid14, runs_.mono}));
        QVERIFY(!groups->isChecked());
        QVERIFY(view->isExpanded(proxyRow(group)));
    }

    void followingWaitsForAnOpenEditor() {
        ui::MainWindow window(open(path_), settings());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* proxy = static_cast<QSortFilterProxyModel*>(window.runsView()->model());
        const QModelIndex tags =
            proxy->mapFromSource(window.runsModel()->indexOfRun(runs_.mono, Model::Tags));
        window.runsView()->edit(tags);
        const auto editing = [&window] {
            auto* editor = window.runsView()->viewport()->findChild<QLineEdit*>();
            return editor && !editor->isHidden();
        };
        QVERIFY(editing());
        addRun(*store_, "later", "mono", 14, config("mono", 14));
        window.followChanges();
        QCOMPARE(window.runsModel()->runCount(), 5);  // the editor stays open
        QVERIFY(editing());
        auto* editor = window.runsView()->viewport()->findChild<QLineEdit*>();
        QTest::keyClicks(editor, QStringLiteral("checked"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(!editing());  // the delegate commits on a queued call
        QCOMPARE(store_->runs().get(runs_.mono).value().tags, std::vector<std::string>{"checked"});
        window.followChanges();
        QCOMPARE(window.runsModel()->runCount(), 6);
    }

    void followingAnotherWriterKeepsSelectionAndOpenGroups() {
        QVERIFY(store_->runs().addNote(runs_.mono, "before").ok());
        ui::MainWindow window(open(path_), settings());
        window.selectRuns({runs_.mono, runs_.hybrid14});
        QCOMPARE(window.selectedRuns(), (QList<qint64>{runs_.mono, runs_.hybrid14}));
        // Redrawing the views would bring Compare (two runs) to the front again.
        auto* tabs = window.findChild<QTabWidget*>();
        QCOMPARE(tabs->currentWidget(), window.compareView());
        window.showView(QStringLiteral("bias"));
        auto writer = open(path_);
        QVERIFY(writer->runs().addNote(runs_.bm25, "written elsewhere").ok());
        const std::int64_t added =
            addRun(*writer, "demo", "hybrid", 16, config("hybrid", 16, ",\"alpha\":0.5"));
        window.followChanges();
        QCOMPARE(window.runsModel()->runCount(), 6);
        QCOMPARE(window.selectedRuns(), (QList<qint64>{runs_.mono, runs_.hybrid14}));
        const QModelIndex newRun = window.runsModel()->indexOfRun(added);
        // Names that differ ("demo" joins "demo-hybrid"): the strategy and α name the group.
        QCOMPARE(cell(newRun.parent(), Model::Name), QStringLiteral("hybrid α=0.5 — 4 seeds"));
        auto* proxy = static_cast<QSortFilterProxyModel*>(window.runsView()->model());
        QVERIFY(window.runsView()->isExpanded(proxy->mapFromSource(newRun.parent())));
        QCOMPARE(cell(window.runsModel()->indexOfRun(runs_.bm25), Model::Notes),
                 QStringLiteral("written elsewhere"));
        QCOMPARE(tabs->currentWidget(), window.biasView());  // not redrawn
        QCOMPARE(cell(window.runsModel()->indexOfRun(runs_.mono), Model::Notes),
                 QStringLiteral("before"));  // kept, not read again
        // A write to a run the views show redraws them.
        QVERIFY(writer->runs().addNote(runs_.mono, "shown").ok());
        window.followChanges();
        QCOMPARE(window.selectedRuns(), (QList<qint64>{runs_.mono, runs_.hybrid14}));
        QCOMPARE(tabs->currentWidget(), window.compareView());
        QCOMPARE(cell(window.runsModel()->indexOfRun(runs_.mono), Model::Notes),
                 QStringLiteral("shown"));
    }
};

QTEST_MAIN(RunsTreeTest)
#include "runs_tree_test.moc"
