#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>

#include "charts/heatmap_controller.h"
#include "charts/heatmap_view.h"
#include "charts/rank_distance_plot.h"
#include "compare_summary_model.h"
#include "compare_view.h"
#include "store/experiment_store.h"
#include "table_export_menu.h"

using namespace mtrec;
using ui::CompareSummaryModel;

/// The Compare view on three or four stored runs with known per-query values.
class CompareViewTest : public QObject {
    Q_OBJECT

    /// One run's values: per query index (0..14) its AP in Mo and Cr cells, and the rank
    /// distance of each query language.
    struct RunValues {
        std::function<double(int)> mo;
        double cr = 0.3;
        double distanceDe = 4.0;
        double distanceEn = 6.0;
        double meanRankDeEn = 3.0;
    };

    static constexpr int kQueries = 15;  // per language: 30 per setting

    /// resources/configs/demo-hybrid.json trained on `languages`: a run with training languages.
    static std::string trainedConfig(const std::vector<std::string>& languages) {
        QFile file(QStringLiteral(MTREC_SOURCE_DIR "/resources/configs/demo-hybrid.json"));
        if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(file.fileName()));
        nlohmann::json config = nlohmann::json::parse(file.readAll().toStdString());
        config["data"]["languages"] = languages;
        return config.dump();
    }

    /// `config`: the stored config; by default one naming the strategy and seed alone, which
    /// trainingLanguages reads as a run with no training languages.
    std::int64_t addRun(const char* name, const char* strategy, int seed, const RunValues& values,
                        std::string config = {}) {
        store::NewRun run;
        run.name = name;
        run.strategy = strategy;
        run.seed = seed;
        run.configJson = !config.empty() ? config
                                         : QStringLiteral(R"({"strategy":"%1","seed":%2})")
                                               .arg(QLatin1String(strategy))
                                               .arg(seed)
                                               .toStdString();
        const std::int64_t id = store_->runs().create(run).value();
        record(id, values);
        return id;
    }

    void record(std::int64_t run, const RunValues& values) {
        using eval::Setting;
        std::vector<store::EvalCell> cells;
        std::vector<store::PerQueryValue> perQuery;
        const auto add = [&](Setting setting, const char* q, const char* c, store::Measure metric,
                             const std::function<double(int)>& value) {
            double sum = 0.0;
            for (int i = 0; i < kQueries; ++i) {
                perQuery.push_back({{"xquad-r", setting, q, c},
                                    metric,
                                    std::string(q) + std::to_string(i),
                                    value(i)});
                sum += value(i);
            }
            cells.push_back({{"xquad-r", setting, q, c}, metric, sum / kQueries, "", kQueries});
            return sum / kQueries;
        };
        const auto constant = [](double v) { return [v](int) { return v; }; };
        const store::Measure map = eval::Metric::Map;
        const store::Measure distance = store::BiasMeasure::RankDistance;
        const double mo = (add(Setting::Mo, "de", "de", map, values.mo) +
                           add(Setting::Mo, "en", "en", map, values.mo)) /
                          2;
        add(Setting::Cr, "de", "en", map, constant(values.cr));
        add(Setting::Cr, "en", "de", map, constant(values.cr));
        add(Setting::Mul, "de", "all", distance, constant(values.distanceDe));
        add(Setting::Mul, "en", "all", distance, constant(values.distanceEn));
        const auto summary = [](Setting setting, store::Measure metric, double value) {
            return store::EvalCell{{"xquad-r", setting, "all", "all"}, metric, value, "", {}};
        };
        cells.push_back(summary(Setting::Mo, map, mo));
        cells.push_back(summary(Setting::Cr, map, values.cr));
        cells.push_back(
            summary(Setting::Mul, distance, (values.distanceDe + values.distanceEn) / 2));
        const store::Measure meanRank = store::BiasMeasure::MulMeanRank;
        cells.push_back({{"xquad-r", Setting::Mul, "de", "en"},
                         meanRank,
                         values.meanRankDeEn,
                         "",
                         std::nullopt});
        cells.push_back({{"xquad-r", Setting::Mul, "de", "de"}, meanRank, 1.0, "", std::nullopt});
        QVERIFY(store_->results().record(run, cells, perQuery).ok());
    }

    static QString text(const CompareSummaryModel& model, int row, int column) {
        return model.data(model.index(row, column)).toString();
    }

    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<store::ExperimentStore> store_;
    std::int64_t a1_ = 0, a2_ = 0, b_ = 0, c_ = 0;
    std::vector<std::int64_t> d_, e_;

private Q_SLOTS:
    /// A (seeds 1 and 2: Mo AP 0.6 and 0.8 on every query), B (0.5 on every query: worse than A
    /// on all 30 Mo queries; rank distance 2 in both languages) and C (Mo 0.7, 0.5 or 0.6: on
    /// average equal to A's first seed, a difference no test can call significant).
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        auto opened =
            store::ExperimentStore::open(dir_->filePath(QStringLiteral("c.db")).toStdString());
        QVERIFY(opened.ok());
        store_ = std::make_unique<store::ExperimentStore>(std::move(opened).value());
        a1_ = addRun("a", "hybrid", 1, {[](int) { return 0.6; }});
        a2_ = addRun("a", "hybrid", 2, {[](int) { return 0.8; }});
        b_ = addRun("b", "multitask", 1, {[](int) { return 0.5; }, 0.3, 2.0, 2.0, 5.0});
        c_ = addRun("c", "mono", 1, {[](int i) { return i < 7 ? 0.7 : i < 14 ? 0.5 : 0.6; }});
        d_.clear();
        e_.clear();
    }

    void summaryOfRunsHoldsValuesDeltasAndMarks() {
        ui::CompareView view;
        QAbstractItemModelTester tester(view.summaryModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.showRuns(*store_, {a1_, b_, c_});
        const CompareSummaryModel& model = *view.summaryModel();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), 11);
        const int mo = CompareSummaryModel::valueColumn(0);
        const int cr = CompareSummaryModel::valueColumn(1);
        const int mul = CompareSummaryModel::valueColumn(2);
        const int distance = CompareSummaryModel::valueColumn(3);
        QCOMPARE(text(model, 0, CompareSummaryModel::kNameColumn),
                 QStringLiteral("#%1 a").arg(a1_));
        QCOMPARE(text(model, 1, CompareSummaryModel::kStrategyColumn), QStringLiteral("multitask"));
        QCOMPARE(model.data(model.index(0, CompareSummaryModel::kSeedsColumn)).toInt(), 1);
        QCOMPARE(text(model, 0, mo), QStringLiteral("0.600"));
        QCOMPARE(text(model, 0, mo + 1), QStringLiteral("—"));
        QCOMPARE(text(model, 0, mul), QStringLiteral("–"));  // no Mul mAP stored
        QCOMPARE(text(model, 0, distance), QStringLiteral("5.00"));
        // B: 0.1 lower on all 30 Mo queries, equal in Cr, rank distance 3 lower (2 and 4 by
        // language): significant after Holm over the 6 tests (Mo, Cr, rank distance of B and C).
        QCOMPARE(text(model, 1, mo), QStringLiteral("0.500"));
        QCOMPARE(text(model, 1, mo + 1), QStringLiteral("-0.100 ▼*"));
        QCOMPARE(text(model, 1, cr + 1), QStringLiteral("0.000"));
        QCOMPARE(text(model, 1, distance), QStringLiteral("2.00"));
        QCOMPARE(text(model, 1, distance + 1), QStringLiteral("-3.00 ▼*"));
        QCOMPARE(text(model, 1, mul + 1), QStringLiteral("–"));
        QCOMPARE(model.summary().tests, std::size_t(6));
        const auto& bMo = *model.summary().sides[1].entries[0].vsReference;
        QCOMPARE(bMo.queries, std::size_t(30));
        QVERIFY(bMo.pRandomizationHolm < 0.05);
        // C: differences +0.1 (7 queries), -0.1 (7), 0 (1) per language: mean 0, p near 1.
        QCOMPARE(text(model, 2, mo), QStringLiteral("0.600"));
        QVERIFY(!text(model, 2, mo + 1).contains(QLatin1Char('*')));
        QVERIFY(model.summary().sides[2].entries[0].vsReference->pRandomization > 0.5);
        QVERIFY(view.footnoteText().contains(
            QStringLiteral("Holm-corrected over the table's 6 tests")));
        QVERIFY(view.footnoteText().contains(QStringLiteral("p < 0.05")));
        QVERIFY(model.data(model.index(1, mo + 1), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("30 queries")));
    }

    void seedGroupsShowMeanAndStd() {
        ui::CompareView view;
        QAbstractItemModelTester tester(view.summaryModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setSeedGroups(true);
        view.showRuns(*store_, {a1_, b_, c_});
        const CompareSummaryModel& model = *view.summaryModel();
        const int mo = CompareSummaryModel::valueColumn(0);
        QCOMPARE(model.data(model.index(0, CompareSummaryModel::kSeedsColumn)).toInt(), 2);
        // Mo 0.6 and 0.8: mean 0.7, sample std sqrt((0.1² + 0.1²) / 1) = 0.1414.
        QCOMPARE(text(model, 0, mo), QStringLiteral("0.700 ± 0.141"));
        QCOMPARE(text(model, 0, CompareSummaryModel::valueColumn(1)),
                 QStringLiteral("0.300 ± 0.000"));
        QCOMPARE(text(model, 1, mo), QStringLiteral("0.500"));  // B is alone in its group
        QCOMPARE(text(model, 1, mo + 1), QStringLiteral("-0.200 ▼*"));
        QCOMPARE(view.heatmap()->controller()->data().nameA,
                 QStringLiteral("#%1 a (2 seeds)").arg(a1_));
    }

    /// Two groups of three seeds beside A (seeds 0.6 and 0.8): D (Mo 0.50, 0.51, 0.52 on every
    /// query) and E (0.30, 0.31, 0.32), each seed's Mo summary its value.
    void addSeedGroups() {
        for (int seed = 0; seed < 3; ++seed) {
            d_.push_back(
                addRun("d", "mixed", seed + 1, {[seed](int) { return 0.50 + 0.01 * seed; }}));
            e_.push_back(
                addRun("e", "cross", seed + 1, {[seed](int) { return 0.30 + 0.01 * seed; }}));
        }
    }

    // D − A per query: 0.51 − 0.7 = −0.19 everywhere, so the query level is sure; but A's two
    // seeds differ by 0.2: Welch (0.51 − 0.7) / sqrt(0.0001 / 3 + 0.02 / 2) = −1.897 on df
    // 0.010033² / (0.0000333² / 2 + 0.01² / 1) = 1.007: p = 0.3076, not significant over seeds;
    // E − A (−0.39, t = −3.89 on the same df, p = 0.159) neither.
    void seedGroupsAreTestedOverQueriesAndOverSeeds() {
        addSeedGroups();
        ui::CompareView view;
        view.setSeedGroups(true);
        view.showRuns(*store_, {a1_, d_[0], e_[0]});
        const CompareSummaryModel& model = *view.summaryModel();
        const int mo = CompareSummaryModel::valueColumn(0);
        QCOMPARE(text(model, 1, mo + 1), QStringLiteral("-0.190 ▼*"));
        const analysis::SeedLevel& dSeeds = model.summary().sides[1].entries[0].vsReference->seeds;
        QVERIFY(dSeeds.tested());
        QCOMPARE(dSeeds.valuesA.size(), std::size_t(3));
        QVERIFY(std::abs(dSeeds.valuesA[2] - 0.52) < 1e-12);
        QVERIFY(std::abs(dSeeds.valuesB[1] - 0.8) < 1e-12);
        QVERIFY(std::abs(dSeeds.p - 0.3076) < 0.001);
        QCOMPARE(text(model, 2, mo + 1), QStringLiteral("-0.390 ▼*"));
        QVERIFY(model.data(model.index(0, mo), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("0.600 (#%1), 0.800 (#%2)").arg(a1_).arg(a2_)));
        QVERIFY(model.data(model.index(1, mo + 1), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Seed level (Welch's t-test over the runs' values, "
                                             "3 vs 2 seeds, df 1.0)")));
        QVERIFY(view.footnoteText().contains(QStringLiteral("† seed level, Welch's t-test")));
        QVERIFY(!view.footnoteText().contains(QStringLiteral("was not tested")));
        view.setComparedSide(1);  // B = E: A − E is 0.395 on every query, seeds 0.7 vs 0.31
        const ui::HeatmapData& data = view.heatmap()->controller()->data();
        const int en = int(data.rowLabels.indexOf(QStringLiteral("en")));
        QCOMPARE(data.cell(en, en).mark, QStringLiteral("*"));  // A's two seeds spread too far
        QVERIFY(view.statusText().endsWith(QStringLiteral("over seeds (†)")));
    }

    // The exported summary carries both levels' Holm p, each run's value and the footnote. E − D:
    // −0.2 with std 0.01 on each side: t = −0.2 / sqrt(2 · 0.0001 / 3) = −24.49 on 4 df, tested
    // with Cr and rank distance (p 1): significant at both levels.
    void summaryExportCarriesBothLevels() {
        addSeedGroups();
        ui::CompareView view;
        view.setSeedGroups(true);
        view.showRuns(*store_, {d_[0], e_[0]});
        auto* menu = ui::TableExportMenu::of(view.summaryTable());
        QVERIFY(menu);
        const report::Table table = menu->table();
        QCOMPARE(table.header.size(), std::size_t(3 + 4 * 4));
        QCOMPARE(table.header[5], std::string("Mo mAP p queries (Holm)"));
        QCOMPARE(table.header[6], std::string("Mo mAP p seeds (Holm)"));
        QCOMPARE(QString::fromStdString(table.rows[0][3].text),
                 QStringLiteral("0.510 ± 0.010; 0.500 (#%1), 0.510 (#%2), 0.520 (#%3)")
                     .arg(d_[0])
                     .arg(d_[1])
                     .arg(d_[2]));
        QCOMPARE(table.rows[1][4].text, std::string("-0.200 ▼*†"));
        QCOMPARE(table.rows[0][5].text, std::string("–"));
        // Seed level of E − D: t = −24.49 on 4 df, p = 1.648e-5, times 3 by Holm = 4.9e-05.
        QCOMPARE(table.rows[1][6].text, std::string("4.9e-05"));
        QVERIFY(table.note.find("Welch's t-test over the runs' values") != std::string::npos);
        const QString markdown = ui::renderTable(table, ui::TableFormat::Markdown);
        QVERIFY(markdown.contains(QStringLiteral("p seeds (Holm)")));
    }

    void comparedPickerChangesTheHeatmapsPair() {
        ui::CompareView view;
        view.showRuns(*store_, {a1_, b_, c_});
        auto* picker = view.findChild<QComboBox*>(QStringLiteral("comparedSide"));
        QVERIFY(picker);
        QCOMPARE(picker->count(), 2);
        const ui::HeatmapData* data = &view.heatmap()->controller()->data();
        QCOMPARE(data->nameB, QStringLiteral("#%1 b").arg(b_));
        const int en = int(data->rowLabels.indexOf(QStringLiteral("en")));
        QCOMPARE(data->cell(en, en).value, 0.1);  // A − B, 0.6 − 0.5 on every query
        QCOMPARE(data->cell(en, en).mark, QStringLiteral("*"));
        QCOMPARE(data->cell(en, en).queryCount, kQueries);
        QVERIFY(view.statusText().endsWith(
            QStringLiteral("2 of 4 cells differ significantly over queries (*); over seeds (†): "
                           "needs ≥ 2 seeds per side")));
        view.setComparedSide(1);
        data = &view.heatmap()->controller()->data();
        QCOMPARE(data->nameB, QStringLiteral("#%1 c").arg(c_));
        QVERIFY(std::abs(data->cell(en, en).value) < 1e-12);
        QVERIFY(data->cell(en, en).mark.isEmpty());
        QVERIFY(view.statusText().contains(
            QStringLiteral("0 of 4 cells differ significantly over queries (*)")));
    }

    void meanRankDeltaHasNoMarksAndNoMulColumn() {
        ui::CompareView view;
        view.showRuns(*store_, {a1_, b_});
        view.setDeltaMeasure(ui::CompareView::DeltaMeasure::MulMeanRank);
        const ui::HeatmapData& data = view.heatmap()->controller()->data();
        QVERIFY(!data.hasMulColumn);
        const int de = int(data.rowLabels.indexOf(QStringLiteral("de")));
        const int en = int(data.columnLabels.indexOf(QStringLiteral("en")));
        QCOMPARE(data.cell(de, en).value, -2.0);  // 3 − 5
        QCOMPARE(data.cell(de, en).valueA, 3.0);
        QCOMPARE(data.cell(de, en).valueB, 5.0);
        QVERIFY(data.cell(de, en).mark.isEmpty());
        QVERIFY(std::isnan(data.cell(de, en).pRaw));
        QCOMPARE(data.cell(de, de).value, 0.0);
        QVERIFY(data.note.contains(QStringLiteral("not per query")));
    }

    void rankDistanceBarsShowEverySide() {
        ui::CompareView view;
        view.showRuns(*store_, {a1_, b_, c_});
        const ui::RankDistanceData& bars = view.rankDistance()->data();
        QCOMPARE(bars.languages, (QStringList{QStringLiteral("de"), QStringLiteral("en")}));
        QCOMPARE(bars.series.size(), std::size_t(3));
        QCOMPARE(bars.series[1].name, QStringLiteral("#%1 b").arg(b_));
        QCOMPARE(bars.series[1].meanDistances, (std::vector<double>{2.0, 2.0}));
        QCOMPARE(bars.series[0].meanDistances, (std::vector<double>{4.0, 6.0}));
        QCOMPARE(bars.series[0].overallMean, 5.0);
        QCOMPARE(view.rankDistance()->seriesBars().size(), std::size_t(3));
    }

    /// Runs trained on de (one of them with es too, which the suite lacks) and an untrained one:
    /// seen = de, unseen = en. Rank distances: A 4 (de) and 6 (en), B 2 and 2.
    void summaryOverSeenOrUnseenLanguagesAveragesTheirCellsAlone() {
        const std::int64_t a =
            addRun("a", "hybrid", 1, {[](int) { return 0.6; }}, trainedConfig({"de"}));
        const std::int64_t b =
            addRun("b", "multitask", 1, {[](int) { return 0.5; }, 0.3, 2.0, 2.0, 5.0},
                   trainedConfig({"de", "es"}));
        ui::CompareView view;
        view.showRuns(*store_, {a, b, c_});
        auto* picker = view.findChild<QComboBox*>(QStringLiteral("summaryLanguages"));
        QVERIFY(picker);
        QCOMPARE(picker->count(), 3);
        QCOMPARE(picker->itemText(1), QStringLiteral("Seen in training (de)"));
        QCOMPARE(picker->itemText(2), QStringLiteral("Unseen (en)"));
        const CompareSummaryModel& model = *view.summaryModel();
        const int cr = CompareSummaryModel::valueColumn(1);
        const int distance = CompareSummaryModel::valueColumn(3);
        QCOMPARE(text(model, 0, distance), QStringLiteral("5.00"));  // all: the stored summary
        view.setLanguageSet(ui::CompareView::LanguageSet::Seen);
        QCOMPARE(text(model, 0, distance), QStringLiteral("4.00"));
        QCOMPARE(text(model, 1, distance + 1), QStringLiteral("-2.00 ▼*"));
        QCOMPARE(text(model, 0, cr), QStringLiteral("–"));  // no pair of two seen languages
        QVERIFY(view.footnoteText().startsWith(
            QStringLiteral("Over the languages seen in training (de): ")));
        QVERIFY(model.exportTable().note.find("seen in training (de)") != std::string::npos);
        view.setLanguageSet(ui::CompareView::LanguageSet::Unseen);
        QCOMPARE(text(model, 0, distance), QStringLiteral("6.00"));
        QCOMPARE(text(model, 1, distance + 1), QStringLiteral("-4.00 ▼*"));
        view.setLanguageSet(ui::CompareView::LanguageSet::All);
        QVERIFY(!view.footnoteText().startsWith(QStringLiteral("Over the languages")));
    }

    void runsWithoutTrainingLanguagesOfferAllLanguagesOnly() {
        ui::CompareView view;
        view.showRuns(*store_, {a1_, b_});
        auto* picker = view.findChild<QComboBox*>(QStringLiteral("summaryLanguages"));
        QCOMPARE(picker->count(), 1);
        QVERIFY(!picker->isEnabled());
    }

    /// A run name far wider than the pane is elided in the middle (whole in its tooltip), so the
    /// numbers stay in view without a sideways scroll.
    void longRunNamesElideInsteadOfScrolling() {
        std::string longName = "mlqa-hybrid";  // a name as long as a config's settings make it
        while (longName.size() < 160) longName += "-batch128-lr1e-3-steps1500";
        const std::int64_t longRun =
            addRun(longName.c_str(), "hybrid", 1, {[](int) { return 0.55; }});
        ui::CompareView view;
        view.resize(1000, 700);
        view.showRuns(*store_, {a1_, b_, longRun});
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto* table = view.findChild<QTableView*>(QStringLiteral("compareSummary"));
        QVERIFY(table != nullptr);
        // A legend or a title as wide as the name would widen the whole view past what it got.
        QCOMPARE(view.width(), 1000);
        QVERIFY2(table->horizontalHeader()->length() <= table->viewport()->width(),
                 qPrintable(QStringLiteral("columns %1 px wide in a %2 px view")
                                .arg(table->horizontalHeader()->length())
                                .arg(table->viewport()->width())));
        const CompareSummaryModel& model = *view.summaryModel();
        QCOMPARE(model.data(model.index(2, CompareSummaryModel::kNameColumn), Qt::ToolTipRole)
                     .toString(),
                 QStringLiteral("#%1 %2").arg(longRun).arg(QString::fromStdString(longName)));
        QCOMPARE(model.headerData(CompareSummaryModel::valueColumn(0) + 1, Qt::Horizontal)
                     .toString(),
                 QStringLiteral("Δ"));
    }

    void oneRunAsksForMore() {
        ui::CompareView view;
        view.showRuns(*store_, {a1_});
        QCOMPARE(view.summaryModel()->rowCount(), 0);
        QVERIFY(view.statusText().startsWith(QStringLiteral("Select two or more runs")));
    }
};

QTEST_MAIN(CompareViewTest)
#include "compare_view_test.moc"
