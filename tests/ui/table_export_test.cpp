// Table export (ui/table_export*.h): what a view shows, written by core/report as CSV, Markdown and
// LaTeX files; trees flattened with their group or indented; the menu and Ctrl+E's lookup.
#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include "charts/curve_plot.h"
#include "export_shortcut.h"
#include "table_export.h"
#include "table_export_menu.h"

using namespace mtrec;
using ui::TableFormat;
using ui::TreeRows;

class TableExportTest : public QObject {
    Q_OBJECT

    static QList<QStandardItem*> row(const QStringList& texts) {
        QList<QStandardItem*> items;
        for (const QString& text : texts) items.append(new QStandardItem(text));
        return items;
    }

    /// Seed (hidden in the view), Run, mAP: run names a user may type.
    static void fillRuns(QStandardItemModel& model) {
        model.setHorizontalHeaderLabels(
            {QStringLiteral("Seed"), QStringLiteral("Run"), QStringLiteral("mAP")});
        model.appendRow(
            row({QStringLiteral("13"), QStringLiteral("50%_\\&"), QStringLiteral("0.5")}));
        model.appendRow(
            row({QStringLiteral("14"), QStringLiteral("a,b\"c"), QStringLiteral("0.25")}));
        model.appendRow(row({QStringLiteral("15"), QStringLiteral("x|y"), QStringLiteral("0.75")}));
    }

    /// A group of two seeds with its mean, and a run on its own.
    static void fillTree(QStandardItemModel& model) {
        model.setHorizontalHeaderLabels({QStringLiteral("Name"), QStringLiteral("mAP")});
        QList<QStandardItem*> group =
            row({QStringLiteral("hybrid (2 seeds)"), QStringLiteral("0.375")});
        group.front()->appendRow(row({QStringLiteral("hybrid s13"), QStringLiteral("0.5")}));
        group.front()->appendRow(row({QStringLiteral("hybrid s14"), QStringLiteral("0.25")}));
        model.appendRow(group);
        model.appendRow(row({QStringLiteral("bm25"), QStringLiteral("0.125")}));
    }

    static QByteArray fileBytes(const QString& path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) return "(missing)";
        return file.readAll();
    }

private Q_SLOTS:
    void writesWhatTheViewShowsInEachFormat_data() {
        QTest::addColumn<TableFormat>("format");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("csv") << TableFormat::Csv
                             << QByteArray(
                                    "Run,mAP\r\nx|y,0.75\r\n50%_\\&,0.5\r\n"
                                    "\"a,b\"\"c\",0.25\r\n");
        QTest::newRow("markdown") << TableFormat::Markdown
                                  << QByteArray(
                                         "| Run | mAP |\n| --- | ---: |\n| x\\|y | 0.75 |\n"
                                         "| 50%\\_\\\\& | 0.5 |\n| a,b\"c | 0.25 |\n");
        QTest::newRow("latex") << TableFormat::Latex
                               << QByteArray(
                                      "\\begin{table}[t]\n\\centering\n"
                                      "\\begin{tabular}{lr}\n\\toprule\n"
                                      "Run & mAP \\\\\n\\midrule\n"
                                      "x\\textbar{}y & 0.75 \\\\\n"
                                      "50\\%\\_\\textbackslash{}\\& & 0.5 \\\\\n"
                                      "a,b\"c & 0.25 \\\\\n"
                                      "\\bottomrule\n\\end{tabular}\n\\end{table}\n");
    }

    void writesWhatTheViewShowsInEachFormat() {
        QFETCH(TableFormat, format);
        QFETCH(QByteArray, expected);
        QStandardItemModel model;
        fillRuns(model);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester sourceTester(&model);
        QAbstractItemModelTester proxyTester(&proxy);
        QTableView view;
        view.setModel(&proxy);
        view.setSortingEnabled(true);
        view.sortByColumn(2, Qt::DescendingOrder);  // the view's order: by mAP
        view.setColumnHidden(0, true);
        auto* menu = ui::installTableExportMenu(&view, QStringLiteral("runs"));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("runs.") + ui::tableExtension(format));
        QSignalSpy exported(menu, &ui::TableExportMenu::exported);
        QVERIFY(menu->write(format, path));
        QCOMPARE(exported.size(), 1);
        QCOMPARE(fileBytes(path), expected);
    }

    void followsTheHeadersVisualOrder() {
        QStandardItemModel model;
        fillRuns(model);
        QTableView view;
        view.setModel(&model);
        view.horizontalHeader()->moveSection(2, 0);  // mAP, Seed, Run
        const report::Table table = ui::viewTable(view);
        QCOMPARE(table.header, (std::vector<std::string>{"mAP", "Seed", "Run"}));
        QCOMPARE(table.rows[2][2].text, std::string("x|y"));
        QCOMPARE(table.numeric, (std::vector<bool>{true, true, false}));
    }

    void flattensATreeWithItsGroup() {
        QStandardItemModel model;
        fillTree(model);
        QAbstractItemModelTester tester(&model);
        QTreeView view;
        view.setModel(&model);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("groups.md"));
        QVERIFY(ui::writeTable(ui::viewTable(view), TableFormat::Markdown, path));
        QCOMPARE(fileBytes(path), QByteArray("| Group | Name | mAP |\n| --- | --- | ---: |\n"
                                             "| hybrid (2 seeds) | hybrid s13 | 0.5 |\n"
                                             "| hybrid (2 seeds) | hybrid s14 | 0.25 |\n"
                                             "|  | bm25 | 0.125 |\n"));
    }

    void indentsATreesChildRows() {
        QStandardItemModel model;
        fillTree(model);
        QAbstractItemModelTester tester(&model);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("groups.csv"));
        QVERIFY(ui::writeTable(ui::modelTable(model, {0, 1}, TreeRows::Indented), TableFormat::Csv,
                               path));
        QCOMPARE(fileBytes(path), QByteArray("Name,mAP\r\nhybrid (2 seeds),0.375\r\n"
                                             "  hybrid s13,0.5\r\n  hybrid s14,0.25\r\n"
                                             "bm25,0.125\r\n"));
    }

    void copiesTheTableAsMarkdown() {
        QStandardItemModel model;
        fillTree(model);
        QTreeView view;
        view.setModel(&model);
        view.setRowHidden(1, QModelIndex(), true);  // bm25
        auto* menu = ui::installTableExportMenu(&view, QStringLiteral("groups"));
        menu->copyMarkdownAction()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 QStringLiteral("| Group | Name | mAP |\n| --- | --- | ---: |\n"
                                "| hybrid (2 seeds) | hybrid s13 | 0.5 |\n"
                                "| hybrid (2 seeds) | hybrid s14 | 0.25 |\n"));
    }

    void reportsAFileItCannotWrite() {
        QStandardItemModel model;
        fillRuns(model);
        QTableView view;
        view.setModel(&model);
        auto* menu = ui::installTableExportMenu(&view, QStringLiteral("runs"));
        QSignalSpy failed(menu, &ui::TableExportMenu::exportFailed);
        QVERIFY(!menu->write(TableFormat::Csv, QStringLiteral("/nonexistent-folder/runs.csv")));
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed[0][0].toString().startsWith(
            QStringLiteral("could not write /nonexistent-folder/runs.csv")));
    }

    void aTableSourceReplacesWhatTheViewShows() {
        QStandardItemModel model;
        fillRuns(model);
        QTableView view;
        view.setModel(&model);
        auto* menu = ui::installTableExportMenu(&view, QStringLiteral("summary"));
        menu->setTableSource([] {
            report::Table table;
            table.header = {"Run", "p seeds (Holm)"};
            table.numeric = {false, true};
            table.rows = {{report::TableCell("#1"), report::TableCell("0.040")}};
            table.note = "Welch's t-test over per-seed means";
            return table;
        });
        QCOMPARE(ui::renderTable(menu->table(), TableFormat::Markdown),
                 QStringLiteral("| Run | p seeds (Holm) |\n| --- | ---: |\n| #1 | 0.040 |\n\n"
                                "Welch's t-test over per-seed means\n"));
        menu->setTableSource({});
        QCOMPARE(menu->table().header.front(), ui::viewTable(view).header.front());
    }

    void joinsAViewsOwnActionsMenu() {
        QStandardItemModel model;
        QTableView view;
        view.setModel(&model);
        view.setContextMenuPolicy(Qt::ActionsContextMenu);
        auto* menu = ui::installTableExportMenu(&view, QStringLiteral("t"));
        QCOMPARE(view.contextMenuPolicy(), Qt::ActionsContextMenu);
        QCOMPARE(view.actions().size(), 4);
        QCOMPARE(view.actions().first(), menu->exportAction(TableFormat::Csv));
    }

    void ctrlEFindsTheMenuOfTheTableOrChartAWidgetBelongsTo() {
        QWidget window;
        QStandardItemModel model;
        auto* table = new QTableView(&window);
        table->setModel(&model);
        auto* menu = ui::installTableExportMenu(table, QStringLiteral("t"));
        auto* plot = new ui::CurvePlot(&window);
        QCOMPARE(ui::exportMenuOf(table->viewport()), menu->menu());
        QVERIFY(ui::exportMenuOf(plot) != nullptr);
        QCOMPARE(ui::exportMenuOf(plot)->actions().first()->objectName(),
                 QStringLiteral("exportPngAction"));
        QCOMPARE(ui::exportMenuOf(&window), nullptr);
        QCOMPARE(ui::exportMenuOf(nullptr), nullptr);
    }
};

QTEST_MAIN(TableExportTest)
#include "table_export_test.moc"
