#pragma once

#include <QObject>
#include <QString>
#include <functional>

#include "table_export.h"

class QAction;
class QAbstractItemView;
class QMenu;
class QWidget;

namespace mtrec::ui {

/// The export actions of a table or tree view: "Export table as CSV…", "… as Markdown…", "… as
/// LaTeX…" (a save dialog each) and "Copy as Markdown" (the whole table to the clipboard), always
/// what the view shows (viewTable). Shown on right-click; a view whose context menu is its own
/// actions (Qt::ActionsContextMenu) gets them added there instead. A child of the view; file
/// dialogs are modal and run on the GUI thread.
class TableExportMenu : public QObject {
    Q_OBJECT
public:
    /// `baseName` is the suggested file name without extension, e.g. "runs".
    TableExportMenu(QAbstractItemView* view, QString baseName,
                    TreeRows treeRows = TreeRows::WithGroup);

    /// The menu installed on `widget` itself (not on its parents), or nullptr.
    static TableExportMenu* of(const QWidget* widget);

    QMenu* menu() const { return menu_; }
    QAction* exportAction(TableFormat format) const;
    QAction* copyMarkdownAction() const { return copyMarkdown_; }
    void setBaseName(const QString& baseName) { baseName_ = baseName; }
    /// Exports what `source` returns instead of what the view shows (e.g. a table with columns too
    /// wide to show and a note naming its tests); an empty function restores viewTable.
    void setTableSource(std::function<report::Table()> source) { source_ = std::move(source); }

    /// What the view shows now (or the table source's table), as a table.
    report::Table table() const;
    /// The non-interactive halves of the actions.
    bool write(TableFormat format, const QString& path);
    void copyMarkdown();

Q_SIGNALS:
    void exported(const QString& path);
    void exportFailed(const QString& message);

private:
    void exportInteractive(TableFormat format);

    QAbstractItemView* view_;
    std::function<report::Table()> source_;
    QString baseName_;
    TreeRows treeRows_;
    QMenu* menu_;
    QAction* csv_;
    QAction* markdown_;
    QAction* latex_;
    QAction* copyMarkdown_;
};

/// Installs a TableExportMenu on `view` (owned by it) and returns it.
TableExportMenu* installTableExportMenu(QAbstractItemView* view, const QString& baseName,
                                        TreeRows treeRows = TreeRows::WithGroup);

}  // namespace mtrec::ui
