#include "table_export.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QTableView>
#include <QTreeView>
#include <functional>

#include "charts/chart_export.h"

namespace mtrec::ui {
namespace {

using RowHidden = std::function<bool(int row, const QModelIndex& parent)>;

/// Walks the rows of a model depth-first, in model order, skipping the hidden ones.
class RowCollector {
public:
    RowCollector(const QAbstractItemModel& model, const QList<int>& columns, TreeRows treeRows,
                 RowHidden hidden)
        : model_(model), columns_(columns), treeRows_(treeRows), hidden_(std::move(hidden)) {}

    std::vector<std::vector<report::TableCell>> rows(bool grouped) {
        grouped_ = grouped;
        visit(QModelIndex(), {});
        return std::move(rows_);
    }

private:
    void visit(const QModelIndex& parent, const QStringList& ancestors) {
        for (int row = 0; row < model_.rowCount(parent); ++row) {
            if (hidden_ && hidden_(row, parent)) continue;
            const QModelIndex first = model_.index(row, 0, parent);
            const bool group = model_.hasChildren(first);
            if (!group || treeRows_ == TreeRows::Indented)
                rows_.push_back(cells(row, parent, ancestors));
            if (group) visit(first, ancestors + QStringList{first.data().toString()});
        }
    }

    std::vector<report::TableCell> cells(int row, const QModelIndex& parent,
                                         const QStringList& ancestors) const {
        std::vector<report::TableCell> out;
        if (grouped_) out.emplace_back(ancestors.join(QStringLiteral(" / ")).toStdString());
        for (int column : columns_) {
            QString text = model_.index(row, column, parent).data().toString();
            if (treeRows_ == TreeRows::Indented && column == columns_.front())
                text.prepend(QString(2 * int(ancestors.size()), u' '));
            out.emplace_back(text.toStdString());
        }
        return out;
    }

    const QAbstractItemModel& model_;
    const QList<int>& columns_;
    TreeRows treeRows_;
    RowHidden hidden_;
    bool grouped_ = false;
    std::vector<std::vector<report::TableCell>> rows_;
};

bool hasChildRows(const QAbstractItemModel& model) {
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.hasChildren(model.index(row, 0))) return true;
    return false;
}

bool isNumber(const std::string& text) {
    bool ok = false;
    QString::fromStdString(text).trimmed().toDouble(&ok);
    return ok;
}

/// Numeric: at least one non-empty cell, and every non-empty cell a number.
std::vector<bool> numericColumns(const report::Table& table) {
    std::vector<bool> numeric(table.header.size(), false);
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        bool any = false, all = true;
        for (const auto& row : table.rows) {
            if (row[c].text.empty()) continue;
            any = true;
            all = all && isNumber(row[c].text);
        }
        numeric[c] = any && all;
    }
    return numeric;
}

report::Table collect(const QAbstractItemModel& model, const QList<int>& columns, TreeRows treeRows,
                      RowHidden hidden) {
    report::Table table;
    const bool grouped = treeRows == TreeRows::WithGroup && hasChildRows(model);
    if (grouped) table.header.push_back(QObject::tr("Group").toStdString());
    for (int column : columns)
        table.header.push_back(model.headerData(column, Qt::Horizontal).toString().toStdString());
    table.rows = RowCollector(model, columns, treeRows, std::move(hidden)).rows(grouped);
    table.numeric = numericColumns(table);
    return table;
}

const QHeaderView* columnHeader(const QAbstractItemView& view) {
    if (auto* table = qobject_cast<const QTableView*>(&view)) return table->horizontalHeader();
    if (auto* tree = qobject_cast<const QTreeView*>(&view)) return tree->header();
    return nullptr;
}

QList<int> visibleColumns(const QAbstractItemView& view) {
    QList<int> columns;
    const QHeaderView* header = columnHeader(view);
    const int count = view.model()->columnCount();
    for (int visual = 0; visual < count; ++visual) {
        const int logical = header ? header->logicalIndex(visual) : visual;
        if (logical >= 0 && !(header && header->isSectionHidden(logical))) columns.append(logical);
    }
    return columns;
}

RowHidden hiddenRows(const QAbstractItemView& view) {
    if (auto* table = qobject_cast<const QTableView*>(&view))
        return [table](int row, const QModelIndex&) { return table->isRowHidden(row); };
    if (auto* tree = qobject_cast<const QTreeView*>(&view))
        return
            [tree](int row, const QModelIndex& parent) { return tree->isRowHidden(row, parent); };
    return {};
}

}  // namespace

report::Table modelTable(const QAbstractItemModel& model, const QList<int>& columns,
                         TreeRows treeRows) {
    return collect(model, columns, treeRows, {});
}

report::Table viewTable(const QAbstractItemView& view, TreeRows treeRows) {
    if (!view.model()) return {};
    return collect(*view.model(), visibleColumns(view), treeRows, hiddenRows(view));
}

QString renderTable(const report::Table& table, TableFormat format) {
    switch (format) {
        case TableFormat::Csv:
            return QString::fromStdString(report::renderCsv(table));
        case TableFormat::Markdown:
            return QString::fromStdString(report::renderMarkdown(table));
        case TableFormat::Latex:
            return QString::fromStdString(report::renderLatex(table));
    }
    return {};
}

QString tableExtension(TableFormat format) {
    switch (format) {
        case TableFormat::Csv:
            return QStringLiteral("csv");
        case TableFormat::Markdown:
            return QStringLiteral("md");
        case TableFormat::Latex:
            return QStringLiteral("tex");
    }
    return {};
}

bool writeTable(const report::Table& table, TableFormat format, const QString& path,
                QString* error) {
    return writeTextFile(path, renderTable(table, format), error);
}

}  // namespace mtrec::ui
