#pragma once

#include <QList>
#include <QString>

#include "report/table_format.h"

class QAbstractItemModel;
class QAbstractItemView;

namespace mtrec::ui {

enum class TableFormat { Csv, Markdown, Latex };

/// How the child rows of a tree become the rows of a flat table.
enum class TreeRows {
    /// Only the rows without children, after a first "Group" column naming their ancestors (their
    /// first cells, joined by " / "); a row at the top level has an empty group.
    WithGroup,
    /// Every row, parents before their children, the first cell indented two spaces a level.
    Indented,
};

/// The table of `model`'s `columns` (in that order): the horizontal header's DisplayRole text as
/// the header row, every cell's DisplayRole text, the rows in the model's order (a proxy's: as
/// sorted and filtered). A column is numeric (right-aligned) when every non-empty cell of it reads
/// as a number. No caption and no note. `TreeRows` matters only for a model with child rows.
report::Table modelTable(const QAbstractItemModel& model, const QList<int>& columns,
                         TreeRows treeRows = TreeRows::WithGroup);

/// The table `view` shows: its model's columns that its header does not hide, in their visual
/// order, and the rows it does not hide (QTableView, QTreeView; any other view: every row and
/// column).
report::Table viewTable(const QAbstractItemView& view, TreeRows treeRows = TreeRows::WithGroup);

/// `table` as `format` text, written by core/report as `mtrec runs` writes its tables.
QString renderTable(const report::Table& table, TableFormat format);
/// The file name extension of a format, without the dot: "csv", "md", "tex".
QString tableExtension(TableFormat format);
/// Writes renderTable() to `path` as UTF-8; false (and *error naming the file) when it cannot.
bool writeTable(const report::Table& table, TableFormat format, const QString& path,
                QString* error = nullptr);

}  // namespace mtrec::ui
