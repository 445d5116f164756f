#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>
#include <nlohmann/json.hpp>

#include "app_settings.h"
#include "grid_heatmaps.h"
#include "main_window.h"
#include "results_view.h"
#include "runs_tree_model.h"
#include "seen_unseen_model.h"
#include "store/experiment_store.h"
#include "table_export.h"
#include "table_export_menu.h"

using namespace mtrec;

/// The seen/unseen split in the workbench (the Results view's table beside the heatmap, the runs
/// tree's columns) and the Results view's diagnostics. Two seeds of a hybrid run trained on de and
/// en, evaluated on de, en and th (th unseen), and a BM25 run of the same cells.
class LanguageSplitTest : public QObject {
    Q_OBJECT

    static std::unique_ptr<store::ExperimentStore> open(const QString& path) {
        auto store = store::ExperimentStore::open(path.toStdString());
        if (!store) qFatal("cannot open %s: %s", qPrintable(path), store.error().message.c_str());
        return std::make_unique<store::ExperimentStore>(std::move(store).value());
    }

    /// resources/configs/demo-hybrid.json trained on de and en, with its seed.
    static std::string trainedConfig(int seed) {
        QFile file(QStringLiteral(MTREC_SOURCE_DIR "/resources/configs/demo-hybrid.json"));
        if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(file.fileName()));
        nlohmann::json config = nlohmann::json::parse(file.readAll().toStdString());
        config["data"]["languages"] = {"de", "en"};
        config["seed"] = seed;
        return config.dump();
    }

    static std::int64_t addRun(store::ExperimentStore& store, const char* strategy, int seed,
                               const std::string& config) {
        store::NewRun run;
        run.name = strategy;
        run.strategy = strategy;
        run.seed = seed;
        run.configJson = config;
        return store.runs().create(run).value();
    }

    static store::EvalCell cell(eval::Setting setting, const char* q, const char* c, double value,
                                store::Measure measure = eval::Metric::Map) {
        return {{"xquad-r", setting, q, c}, measure, value, "test", 30};
    }

    /// Mo: de .8, en .6, th .2 (seen .7); Cr seen de>en .5 + shift, en>de .3 + shift (.4 +
    /// shift), mixed .2 each; Mul de .4, en .2, th .1 (seen .3); rank distances 10, 20, 60.
    static std::vector<store::EvalCell> cells(double shift) {
        using eval::Setting;
        const store::Measure distance = store::BiasMeasure::RankDistance;
        return {cell(Setting::Mo, "de", "de", 0.8),
                cell(Setting::Mo, "en", "en", 0.6),
                cell(Setting::Mo, "th", "th", 0.2),
                cell(Setting::Cr, "de", "en", 0.5 + shift),
                cell(Setting::Cr, "en", "de", 0.3 + shift),
                cell(Setting::Cr, "de", "th", 0.2),
                cell(Setting::Cr, "en", "th", 0.2),
                cell(Setting::Cr, "th", "de", 0.2),
                cell(Setting::Cr, "th", "en", 0.2),
                cell(Setting::Mul, "de", "all", 0.4),
                cell(Setting::Mul, "en", "all", 0.2),
                cell(Setting::Mul, "th", "all", 0.1),
                cell(Setting::Mul, "de", "all", 10, distance),
                cell(Setting::Mul, "en", "all", 20, distance),
                cell(Setting::Mul, "th", "all", 60, distance),
                cell(Setting::Cr, "all", "all", 0.3, eval::Metric::Map)};
    }

    /// unk share of de 0.25 and th 0.5; tied relevant queries: de Mo 3 of 30, th Cr 2 + 1 of 60,
    /// th Mul 4 of 30.
    static std::vector<store::EvalCell> diagnostics() {
        using eval::Setting;
        const store::Measure unk = store::DiagnosticMeasure::UnkShare;
        const store::Measure tied = store::DiagnosticMeasure::TiedRelevant;
        return {cell(Setting::Mo, "de", "de", 0.25, unk), cell(Setting::Mo, "th", "th", 0.5, unk),
                cell(Setting::Mo, "de", "de", 3, tied),   cell(Setting::Cr, "th", "de", 2, tied),
                cell(Setting::Cr, "th", "en", 1, tied),   cell(Setting::Mul, "th", "all", 4, tied)};
    }

    static QString text(const QAbstractItemModel& model, int row, int column,
                        int role = Qt::DisplayRole) {
        return model.index(row, column).data(role).toString();
    }

    QTemporaryDir dir_;
    QString path_;
    std::unique_ptr<store::ExperimentStore> store_;
    std::int64_t seed13_ = 0, seed14_ = 0, bm25_ = 0;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        path_ = dir_.filePath(QStringLiteral("e.db"));
        store_ = open(path_);
        seed13_ = addRun(*store_, "hybrid", 13, trainedConfig(13));
        seed14_ = addRun(*store_, "hybrid", 14, trainedConfig(14));
        bm25_ = addRun(*store_, "bm25", 0, R"({"command":"eval","suite":"xquad-r"})");
        std::vector<store::EvalCell> withDiagnostics = cells(0.0);
        for (const store::EvalCell& c : diagnostics()) withDiagnostics.push_back(c);
        QVERIFY(store_->results().record(seed13_, withDiagnostics).ok());
        QVERIFY(store_->results().record(seed14_, cells(0.1)).ok());
        QVERIFY(store_->results().record(bm25_, cells(0.0)).ok());
    }

    void resultsViewShowsAllSeenUnseenAndMixedBesideTheHeatmap() {
        ui::ResultsView view;
        view.showRun(*store_, seed13_);
        QAbstractItemModel& model = *view.seenUnseenTable()->model();
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        using M = ui::SeenUnseenModel;
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.headerData(M::Cr, Qt::Horizontal).toString(), QStringLiteral("Cr"));
        QCOMPARE(static_cast<ui::SeenUnseenModel&>(model).titleText(),
                 QStringLiteral("Seen vs unseen languages (mAP)"));
        QCOMPARE(text(model, M::All, M::Set), QStringLiteral("all (3)"));
        QCOMPARE(text(model, M::Seen, M::Set), QStringLiteral("seen (2)"));
        QCOMPARE(text(model, M::Unseen, M::Set, Qt::ToolTipRole),
                 QStringLiteral("The languages it did not train on: th"));
        QCOMPARE(text(model, M::All, M::Mo), QStringLiteral("0.533"));  // (.8 + .6 + .2) / 3
        QCOMPARE(text(model, M::Seen, M::Mo), QStringLiteral("0.700"));
        QCOMPARE(text(model, M::Seen, M::Cr), QStringLiteral("0.400"));
        QCOMPARE(text(model, M::Unseen, M::Cr), QStringLiteral("—"));  // th alone has no pair
        QCOMPARE(text(model, M::Mixed, M::Cr), QStringLiteral("0.200"));
        QCOMPARE(text(model, M::Mixed, M::Mul), QStringLiteral("—"));
        QCOMPARE(text(model, M::Unseen, M::Mul), QStringLiteral("0.100"));
        QCOMPARE(text(model, M::All, M::RankDistance), QStringLiteral("30.0"));
        QCOMPARE(text(model, M::Seen, M::RankDistance), QStringLiteral("15.0"));
        QCOMPARE(text(model, M::Seen, M::Cr, Qt::ToolTipRole),
                 QStringLiteral("0.400000: mean over 2 ordered language pairs"));
        // What the export menu writes is what the table shows, the set column included.
        const report::Table exported = ui::TableExportMenu::of(view.seenUnseenTable())->table();
        QCOMPARE(exported.header.at(0), std::string("Languages"));
        QCOMPARE(exported.rows.at(2).at(0).text, std::string("unseen (1)"));
        QCOMPARE(exported.rows.at(2).at(ui::SeenUnseenModel::Cr).text, std::string("—"));
    }

    void aRunWithoutTrainingLanguagesShowsOnlyTheOverall() {
        ui::ResultsView view;
        view.showRun(*store_, bm25_);
        QAbstractItemModel& model = *view.seenUnseenTable()->model();
        using M = ui::SeenUnseenModel;
        QCOMPARE(text(model, M::All, M::Cr), QStringLiteral("0.267"));
        QCOMPARE(text(model, M::Seen, M::Set), QStringLiteral("seen"));
        for (int row : {M::Seen, M::Unseen, M::Mixed})
            QCOMPARE(text(model, row, M::Cr), QStringLiteral("—"));
        QVERIFY(text(model, M::Seen, M::Set, Qt::ToolTipRole).contains(QStringLiteral("no seen")));
    }

    void resultsViewShowsTheDiagnosticsPerQueryLanguage() {
        QCOMPARE(ui::measureTitle(store::DiagnosticMeasure::UnkShare),
                 QStringLiteral("unknown-token share"));
        QCOMPARE(ui::measureTitle(store::DiagnosticMeasure::TiedRelevant),
                 QStringLiteral("tied relevant ranks"));
        ui::ResultsView view;
        view.resize(1000, 700);
        view.showRun(*store_, seed13_);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableView* table = view.diagnosticsTable();
        QVERIFY(table->isVisible());
        QAbstractItemModel& model = *table->model();
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);  // de and th: en recorded no diagnostic
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("unk share"));
        QCOMPARE(text(model, 0, 0), QStringLiteral("de"));
        QCOMPARE(text(model, 0, 1), QStringLiteral("0.2500"));
        QCOMPARE(text(model, 0, 2), QStringLiteral("3/30"));
        QCOMPARE(text(model, 0, 3), QStringLiteral("—"));
        QCOMPARE(text(model, 1, 1), QStringLiteral("0.5000"));
        QCOMPARE(text(model, 1, 3), QStringLiteral("3/60"));
        QCOMPARE(text(model, 1, 4), QStringLiteral("4/30"));
        // A run that recorded none hides the table.
        view.showRun(*store_, seed14_);
        QVERIFY(!table->isVisible());
        QCOMPARE(model.rowCount(), 0);
    }

    void runsTreeHasSeenAndUnseenColumnsHiddenUntilAsked() {
        auto settings = std::make_shared<ui::AppSettings>(dir_.filePath(QStringLiteral("s.ini")));
        ui::MainWindow window(open(path_), settings);
        using Model = ui::RunsTreeModel;
        QTreeView* view = window.runsView();
        for (int column : {Model::CrSeen, Model::CrUnseen, Model::MulSeen, Model::MulUnseen})
            QVERIFY(view->isColumnHidden(column));
        const Model& model = *window.runsModel();
        QCOMPARE(model.headerData(Model::CrSeen, Qt::Horizontal).toString(),
                 QStringLiteral("Cr seen"));
        const QModelIndex group = model.indexOfKey(QStringLiteral("group:%1").arg(seed13_));
        QVERIFY(group.isValid());
        // Cr seen: 0.4 and 0.5 -> 0.450 ± 0.071; Mul unseen 0.1 in both.
        QCOMPARE(group.siblingAtColumn(Model::CrSeen).data().toString(),
                 QStringLiteral("0.450 ± 0.071"));
        QCOMPARE(group.siblingAtColumn(Model::MulUnseen).data().toString(),
                 QStringLiteral("0.100 ± 0.000"));
        QCOMPARE(model.indexOfRun(seed14_, Model::CrSeen).data().toString(),
                 QStringLiteral("0.500"));
        QCOMPARE(model.indexOfRun(seed14_, Model::CrUnseen).data().toString(), QString());
        QCOMPARE(model.indexOfRun(bm25_, Model::MulSeen).data().toString(), QString());
        QCOMPARE(model.indexOfRun(bm25_, Model::CrMap).data().toString(), QStringLiteral("0.300"));
        // Shown, they are exported like every other column.
        view->setColumnHidden(Model::CrSeen, false);
        const report::Table table = ui::viewTable(*view);
        QVERIFY(std::find(table.header.begin(), table.header.end(), "Cr seen") !=
                table.header.end());
        QVERIFY(std::find(table.header.begin(), table.header.end(), "Mul seen") ==
                table.header.end());
    }
};

QTEST_MAIN(LanguageSplitTest)
#include "language_split_test.moc"
