#include <QAbstractItemModelTester>
#include <QFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

#include "charts/heatmap_controller.h"
#include "charts/heatmap_view.h"
#include "grid_heatmaps.h"
#include "per_query_panel.h"
#include "per_query_rows.h"
#include "per_query_table_model.h"
#include "results_view.h"
#include "run_config_facts.h"
#include "store/experiment_store.h"

using namespace mtrec;
using Column = ui::PerQueryTableModel::Column;

/// The Results view's drill-down (a clicked cell's queries) and its seen-first language order, on
/// small databases written here. Query texts come from the demo suite (resources/demo/eval).
class PerQueryTest : public QObject {
    Q_OBJECT

    static QString demoSuiteFolder() {
        return QStringLiteral(MTREC_SOURCE_DIR "/resources/demo/eval");
    }

    /// resources/configs/<name>.json with its evaluation suite read from `suiteFolder`.
    static std::string demoConfig(const char* name, const QString& suiteFolder) {
        QFile file(QStringLiteral(MTREC_SOURCE_DIR "/resources/configs/%1.json")
                       .arg(QLatin1String(name)));
        if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(file.fileName()));
        nlohmann::json config = nlohmann::json::parse(file.readAll().toStdString());
        config["evaluation"][0]["data"] = suiteFolder.toStdString();
        return config.dump();
    }

    static store::RunRecord runWithConfig(std::string configJson) {
        store::RunRecord run;
        run.id = 7;
        run.name = "demo-hybrid";
        run.configJson = std::move(configJson);
        return run;
    }

    static std::unique_ptr<store::ExperimentStore> open(const QTemporaryDir& dir) {
        auto store = store::ExperimentStore::open(dir.filePath(QStringLiteral("e.db")).toStdString());
        if (!store) qFatal("cannot open the store: %s", store.error().message.c_str());
        return std::make_unique<store::ExperimentStore>(std::move(store).value());
    }

    static std::int64_t addRun(store::ExperimentStore& store, const std::string& configJson) {
        store::NewRun run;
        run.name = "demo-hybrid";
        run.strategy = "hybrid";
        run.configJson = configJson;
        return store.runs().create(run).value();
    }

    /// A run of resources/configs/<configName>.json evaluated on `suiteFolder`, with the demo cells.
    static std::int64_t addDemoRun(store::ExperimentStore& store, const char* configName,
                                   const QString& suiteFolder) {
        const std::int64_t run = addRun(store, demoConfig(configName, suiteFolder));
        recordDemoCells(store, run);
        return run;
    }

    static store::CellKey key(eval::Setting setting, const char* q, const char* c) {
        return {"xquad-r", setting, q, c};
    }

    /// Three de queries of the demo suite. Cr de -> en: AP 0.5, 1, 0.2 and reciprocal ranks 1/2,
    /// 1, 1/7 (ranks 2, 1, 7); Mul de: AP only, with rank distances 3, 0, 12. Mo cells for de, en
    /// and bn (a language the run did not train on) and the Mul cells, for the grid.
    static void recordDemoCells(store::ExperimentStore& store, std::int64_t run) {
        using eval::Metric;
        using eval::Setting;
        const store::CellKey cr = key(Setting::Cr, "de", "en");
        const store::CellKey mul = key(Setting::Mul, "de", "all");
        std::vector<store::EvalCell> cells{
            {cr, Metric::Map, 17.0 / 30, "map", 3},
            {cr, Metric::RecipRank, (0.5 + 1 + 1.0 / 7) / 3, "rr", 3},
            {mul, Metric::Map, 0.4, "map", 3},
            {mul, store::BiasMeasure::RankDistance, 5.0, "distance", 3},
            {key(Setting::Mo, "de", "de"), Metric::Map, 0.9, "map", 3},
            {key(Setting::Mo, "en", "en"), Metric::Map, 0.8, "map", 3},
            {key(Setting::Mo, "bn", "bn"), Metric::Map, 0.7, "map", 3}};
        const char* qids[] = {"demo-002-staff", "demo-002-product", "demo-007-founded"};
        const double ap[] = {0.5, 1.0, 0.2};
        const double rr[] = {0.5, 1.0, 1.0 / 7};
        const double distance[] = {3, 0, 12};
        std::vector<store::PerQueryValue> perQuery;
        for (int i = 0; i < 3; ++i) {
            perQuery.push_back({cr, Metric::Map, qids[i], ap[i]});
            perQuery.push_back({cr, Metric::RecipRank, qids[i], rr[i]});
            perQuery.push_back({mul, Metric::Map, qids[i], ap[i] - 0.1});
            perQuery.push_back({mul, store::BiasMeasure::RankDistance, qids[i], distance[i]});
        }
        const Status recorded = store.results().record(run, cells, perQuery);
        if (!recorded) qFatal("%s", recorded.error().message.c_str());
    }

    static QString cellText(const QAbstractItemModel& model, int row, int column) {
        return model.index(row, column).data().toString();
    }

    static QStringList columnTexts(const QAbstractItemModel& model, int column) {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row) out << cellText(model, row, column);
        return out;
    }

private Q_SLOTS:
    void rankIsTheReciprocalOfTheStoredReciprocalRank() {
        QCOMPARE(ui::rankOfReciprocal(1.0), 1);
        QCOMPARE(ui::rankOfReciprocal(0.5), 2);
        QCOMPARE(ui::rankOfReciprocal(1.0 / 7), 7);
        QCOMPARE(ui::rankOfReciprocal(1.0 / 1190), 1190);
        QCOMPARE(ui::rankOfReciprocal(0.0), 0);
    }

    void storedValuesAreMergedByQuery() {
        QTemporaryDir dir;
        auto store = open(dir);
        const std::int64_t run = addRun(*store, "{}");
        recordDemoCells(*store, run);
        auto cr = ui::readPerQueryRows(store->results(), run, key(eval::Setting::Cr, "de", "en"));
        QVERIFY(cr.ok());
        QVERIFY(cr.value().hasRank);
        QVERIFY(!cr.value().hasRankDistance);
        QCOMPARE(cr.value().rows.size(), std::size_t(3));
        const ui::PerQueryRow& last = cr.value().rows[2];  // by qid: demo-007-founded last
        QCOMPARE(last.qid, QStringLiteral("demo-007-founded"));
        QCOMPARE(last.averagePrecision, 0.2);
        QCOMPARE(last.firstRelevantRank, std::optional<int>(7));
        QCOMPARE(cr.value().rows[0].firstRelevantRank, std::optional<int>(1));  // demo-002-product
        auto mul = ui::readPerQueryRows(store->results(), run, key(eval::Setting::Mul, "de", "all"));
        QVERIFY(mul.ok());
        QVERIFY(!mul.value().hasRank);
        QVERIFY(mul.value().hasRankDistance);
        QCOMPARE(mul.value().rows[2].rankDistance, 12.0);
        QCOMPARE(mul.value().rows[2].averagePrecision, 0.1);
        QCOMPARE(mul.value().rows[2].firstRelevantRank, std::nullopt);
        auto none = ui::readPerQueryRows(store->results(), run, key(eval::Setting::Mo, "en", "en"));
        QVERIFY(none.ok());
        QVERIFY(none.value().rows.empty());
    }

    void modelShowsTheValuesAndSortsThemAsNumbers() {
        ui::PerQueryTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), 3);
        ui::PerQueryRows rows;
        rows.hasRank = true;
        rows.rows = {{QStringLiteral("q1"), QStringLiteral("Wer?"), 0.5, 2, NAN},
                     {QStringLiteral("q2"), QString(), 1.0, 1, NAN},
                     {QStringLiteral("q3"), QStringLiteral("Wo?"), 0.0625, 16, NAN},
                     {QStringLiteral("q4"), QStringLiteral("Wann?"), 0.0, 0, NAN}};
        model.setRows(rows, QStringLiteral("(no text)"));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), 4);
        QCOMPARE(model.columnOf(Column::RankDistance), -1);
        QCOMPARE(model.headerData(3, Qt::Horizontal).toString(),
                 QStringLiteral("Rank of first relevant"));
        QCOMPARE(columnTexts(model, 1), (QStringList{QStringLiteral("Wer?"),
                                                     QStringLiteral("(no text)"),
                                                     QStringLiteral("Wo?"), QStringLiteral("Wann?")}));
        QCOMPARE(columnTexts(model, 2),
                 (QStringList{QStringLiteral("0.5000"), QStringLiteral("1.0000"),
                              QStringLiteral("0.0625"), QStringLiteral("0.0000")}));
        QCOMPARE(columnTexts(model, 3), (QStringList{QStringLiteral("2"), QStringLiteral("1"),
                                                     QStringLiteral("16"),
                                                     QStringLiteral("none ranked")}));

        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ui::PerQueryTableModel::kSortRole);
        proxy.sort(3, Qt::AscendingOrder);  // as numbers: 1, 2, 16 (not "16" < "2"), none last
        QCOMPARE(columnTexts(proxy, 0), (QStringList{QStringLiteral("q2"), QStringLiteral("q1"),
                                                     QStringLiteral("q3"), QStringLiteral("q4")}));
        proxy.sort(2, Qt::DescendingOrder);
        QCOMPARE(columnTexts(proxy, 0), (QStringList{QStringLiteral("q2"), QStringLiteral("q1"),
                                                     QStringLiteral("q3"), QStringLiteral("q4")}));
        proxy.sort(2, Qt::AscendingOrder);
        QCOMPARE(cellText(proxy, 0, 0), QStringLiteral("q4"));

        rows.hasRank = false;
        rows.hasRankDistance = true;
        rows.rows[0].rankDistance = 3.5;
        model.setRows(rows);
        QCOMPARE(model.columnOf(Column::RankDistance), 3);
        QCOMPARE(cellText(model, 0, 3), QStringLiteral("3.5"));
        QCOMPARE(cellText(model, 1, 3), QStringLiteral("–"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void panelReadsQueryTextsFromTheSuiteFolder() {
        QTemporaryDir dir;
        auto store = open(dir);
        const std::int64_t run = addDemoRun(*store, "demo-hybrid", demoSuiteFolder());
        ui::PerQueryPanel panel;
        QAbstractItemModelTester tester(panel.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.showCell(*store, store->runs().get(run).value(), key(eval::Setting::Cr, "de", "en"));
        QCOMPARE(panel.title(),
                 QStringLiteral("Run #%1 (demo-hybrid), XQuAD-R, Cr: de queries → en candidates "
                                "— 3 queries")
                     .arg(run));
        const ui::PerQueryTableModel& model = *panel.model();
        QCOMPARE(columnTexts(model, 0),
                 (QStringList{QStringLiteral("demo-002-product"), QStringLiteral("demo-002-staff"),
                              QStringLiteral("demo-007-founded")}));
        QCOMPARE(cellText(model, 0, 1), QStringLiteral("Was produziert Ulilo?"));
        QCOMPARE(cellText(model, 1, 1), QStringLiteral("Wie viele Angestellte hat Ulilo?"));
        QCOMPARE(cellText(model, 2, 1),
                 QStringLiteral("In welchem Jahr entstand die Firma Zenesk?"));
        QCOMPARE(columnTexts(model, model.columnOf(Column::FirstRelevantRank)),
                 (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("7")}));

        panel.showCell(*store, store->runs().get(run).value(), key(eval::Setting::Mul, "de", "all"));
        QVERIFY(panel.title().contains(QStringLiteral("Mul: de queries → every language's")));
        QCOMPARE(model.columnOf(Column::FirstRelevantRank), -1);
        QCOMPARE(columnTexts(model, model.columnOf(Column::RankDistance)),
                 (QStringList{QStringLiteral("0"), QStringLiteral("3"), QStringLiteral("12")}));
        QCOMPARE(cellText(model, 0, 2), QStringLiteral("0.9000"));  // AP 1 - 0.1
    }

    void missingSuiteFolderIsNamedInTheTextColumn() {
        QTemporaryDir dir;
        auto store = open(dir);
        const QString gone = dir.filePath(QStringLiteral("moved-away"));
        const std::int64_t run = addDemoRun(*store, "demo-hybrid", gone);
        ui::PerQueryPanel panel;
        panel.showCell(*store, store->runs().get(run).value(), key(eval::Setting::Cr, "de", "en"));
        QCOMPARE(panel.model()->rowCount(), 3);
        QCOMPARE(cellText(*panel.model(), 0, 1),
                 QStringLiteral("(suite data not found at %1)").arg(gone));
    }

    void configFacts_data() {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QStringList>("trained");
        QTest::addColumn<QString>("folder");
        const QString demo = demoSuiteFolder();
        QTest::newRow("trained on six")
            << QString::fromStdString(demoConfig("demo-hybrid", demo))
            << QStringList{QStringLiteral("ar"), QStringLiteral("de"), QStringLiteral("en"),
                           QStringLiteral("es"), QStringLiteral("ru"), QStringLiteral("zh")}
            << demo;
        QTest::newRow("zero steps: untrained")
            << QString::fromStdString(demoConfig("demo-untrained", demo)) << QStringList() << demo;
        QTest::newRow("mtrec eval")
            << QStringLiteral(R"({"command": "eval", "suite": "mtrec", "data": "/d", "scorer": "bm25"})")
            << QStringList() << QStringLiteral("/d");
        QTest::newRow("other suite")
            << QStringLiteral(R"({"command": "eval", "suite": "miracl", "data": "/d"})")
            << QStringList() << QString();
        QTest::newRow("not JSON") << QStringLiteral("{") << QStringList() << QString();
    }
    void configFacts() {
        QFETCH(QString, config);
        QFETCH(QStringList, trained);
        QFETCH(QString, folder);
        const store::RunRecord run = runWithConfig(config.toStdString());
        QTemporaryDir dir;
        auto store = open(dir);
        QCOMPARE(ui::trainingLanguages(*store, run), trained);
        QCOMPARE(QString::fromStdString(ui::suiteDataFolder(run, "xquad-r")), folder);
    }

    void clickingACellOpensItsQueriesAndSeenLanguagesComeFirst() {
        QTemporaryDir dir;
        auto store = open(dir);
        const std::int64_t run = addDemoRun(*store, "demo-hybrid", demoSuiteFolder());
        ui::ResultsView view;
        view.resize(1000, 760);
        view.showRun(*store, run);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ui::HeatmapView* heatmap = view.heatmap();
        heatmap->replot();
        const ui::HeatmapData& drawn = heatmap->controller()->data();
        // The store's order is bn, de, en; the run trained on de and en (and four others).
        QCOMPARE(drawn.rowLabels,
                 (QStringList{QStringLiteral("de"), QStringLiteral("en"), QStringLiteral("bn")}));
        QCOMPARE(drawn.columnLabels, drawn.rowLabels);
        QCOMPARE(drawn.splitIndex, 2);
        QCOMPARE(drawn.cell(0, 1).value, 17.0 / 30);  // de -> en

        QVERIFY(!view.queries()->isVisible());
        QTest::mouseClick(heatmap, Qt::LeftButton, {},
                          heatmap->controller()->cellRect(0, 1).center().toPoint());
        QVERIFY(view.queries()->isVisible());
        QVERIFY(view.queries()->title().contains(QStringLiteral("Cr: de queries → en candidates")));
        QCOMPARE(view.queries()->proxy()->rowCount(), 3);
        // Sorting by the header sorts the ranks as numbers.
        QTableView* table = view.queries()->table();
        const int rankColumn = view.queries()->model()->columnOf(Column::FirstRelevantRank);
        table->sortByColumn(rankColumn, Qt::DescendingOrder);
        QCOMPARE(columnTexts(*view.queries()->proxy(), rankColumn),
                 (QStringList{QStringLiteral("7"), QStringLiteral("2"), QStringLiteral("1")}));
        view.showRun(*store, run);  // a redraw of the run keeps the cell and its order
        QCOMPARE(columnTexts(*view.queries()->proxy(), rankColumn),
                 (QStringList{QStringLiteral("7"), QStringLiteral("2"), QStringLiteral("1")}));

        heatmap->replot();
        QTest::mouseClick(heatmap, Qt::LeftButton, {},
                          heatmap->controller()->cellRect(0, 3).center().toPoint());
        QVERIFY(view.queries()->title().contains(QStringLiteral("Mul: de queries")));
        view.showQueries(QStringLiteral("en"), QStringLiteral("en"));
        QVERIFY(view.queries()->title().contains(QStringLiteral("Mo: en queries → en candidates "
                                                                "— no per-query values stored")));
        view.showRun(*store, run);  // a redraw of the run keeps the panel and refreshes it
        QVERIFY(view.queries()->isVisible());
        QVERIFY(view.queries()->title().contains(QStringLiteral("Mo: en queries")));
        const std::int64_t other = addRun(*store, "{}");
        view.showRun(*store, other);  // another run closes it
        QVERIFY(!view.queries()->isVisible());
    }

    void biasChartsPutTheSeenLanguagesFirst() {
        store::BiasGrid grid;
        grid.suite = "xquad-r";
        grid.languages = {"ar", "de", "en"};
        grid.meanRank = {1, 2, 3, 4, 5, 6, 7, 8, 9};  // row-major [query][relevant]
        grid.rankDistance = {30, 10, 20};
        grid.meanRankDistance = 20;
        const ui::GridSubject subject{QStringLiteral("run #3"), QStringLiteral("xquad-r"),
                                      QStringList{QStringLiteral("en"), QStringLiteral("de")}};
        const ui::RankDistanceData bars = ui::rankDistanceOfBias(grid, subject);
        QCOMPARE(bars.languages,
                 (QStringList{QStringLiteral("de"), QStringLiteral("en"), QStringLiteral("ar")}));
        QCOMPARE(bars.meanDistances, (std::vector<double>{10, 20, 30}));
        QCOMPARE(bars.splitIndex, 2);
        ui::HeatmapView heatmap;
        heatmap.setData(ui::heatmapOfBias(grid, subject));
        const ui::HeatmapData& drawn = heatmap.data();
        QCOMPARE(drawn.rowLabels, bars.languages);
        QCOMPARE(drawn.splitIndex, 2);
        QCOMPARE(drawn.cell(0, 2).value, 4.0);  // de queries, ar relevant
        QCOMPARE(drawn.cell(2, 1).value, 3.0);  // ar queries, en relevant
    }

    void untrainedRunsKeepTheStoreOrder() {
        QTemporaryDir dir;
        auto store = open(dir);
        const std::int64_t run = addDemoRun(*store, "demo-untrained", demoSuiteFolder());
        ui::ResultsView view;
        view.showRun(*store, run);
        QVERIFY(view.seenLanguages().isEmpty());
        const ui::HeatmapData& drawn = view.heatmap()->controller()->data();
        QCOMPARE(drawn.rowLabels,
                 (QStringList{QStringLiteral("bn"), QStringLiteral("de"), QStringLiteral("en")}));
        QCOMPARE(drawn.splitIndex, -1);
    }
};

QTEST_MAIN(PerQueryTest)
#include "per_query_test.moc"
