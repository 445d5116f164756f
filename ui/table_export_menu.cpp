#include "table_export_menu.h"

#include <QAbstractItemView>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMenu>

namespace mtrec::ui {
namespace {

QString formatName(TableFormat format) {
    switch (format) {
        case TableFormat::Csv:
            return QObject::tr("CSV");
        case TableFormat::Markdown:
            return QObject::tr("Markdown");
        case TableFormat::Latex:
            return QObject::tr("LaTeX");
    }
    return {};
}

QString fileFilter(TableFormat format) {
    return QObject::tr("%1 files (*.%2)").arg(formatName(format), tableExtension(format));
}

}  // namespace

TableExportMenu::TableExportMenu(QAbstractItemView* view, QString baseName, TreeRows treeRows)
    : QObject(view),
      view_(view),
      baseName_(std::move(baseName)),
      treeRows_(treeRows),
      menu_(new QMenu(view)) {
    setObjectName(QStringLiteral("tableExportMenu"));
    csv_ = menu_->addAction(tr("Export table as CSV…"));
    markdown_ = menu_->addAction(tr("Export table as Markdown…"));
    latex_ = menu_->addAction(tr("Export table as LaTeX…"));
    copyMarkdown_ = menu_->addAction(tr("Copy as Markdown"));
    for (TableFormat format : {TableFormat::Csv, TableFormat::Markdown, TableFormat::Latex})
        connect(exportAction(format), &QAction::triggered, this,
                [this, format] { exportInteractive(format); });
    connect(copyMarkdown_, &QAction::triggered, this, &TableExportMenu::copyMarkdown);
    if (view_->contextMenuPolicy() == Qt::ActionsContextMenu) {
        view_->addActions(menu_->actions());
        return;
    }
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view_, &QWidget::customContextMenuRequested, this,
            [this](const QPoint& pos) { menu_->popup(view_->viewport()->mapToGlobal(pos)); });
}

TableExportMenu* TableExportMenu::of(const QWidget* widget) {
    return widget ? widget->findChild<TableExportMenu*>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

QAction* TableExportMenu::exportAction(TableFormat format) const {
    switch (format) {
        case TableFormat::Csv:
            return csv_;
        case TableFormat::Markdown:
            return markdown_;
        case TableFormat::Latex:
            return latex_;
    }
    return nullptr;
}

report::Table TableExportMenu::table() const {
    if (source_) return source_();
    return viewTable(*view_, treeRows_);
}

bool TableExportMenu::write(TableFormat format, const QString& path) {
    QString error;
    const bool ok = writeTable(table(), format, path, &error);
    if (ok)
        Q_EMIT exported(path);
    else
        Q_EMIT exportFailed(error);
    return ok;
}

void TableExportMenu::copyMarkdown() {
    QGuiApplication::clipboard()->setText(renderTable(table(), TableFormat::Markdown));
}

void TableExportMenu::exportInteractive(TableFormat format) {
    const QString extension = tableExtension(format);
    const QString suggested = QDir::home().filePath(baseName_ + QLatin1Char('.') + extension);
    QString path = QFileDialog::getSaveFileName(
        view_, tr("Export table as %1").arg(formatName(format)), suggested, fileFilter(format));
    if (path.isEmpty()) return;
    if (!path.endsWith(QLatin1Char('.') + extension, Qt::CaseInsensitive))
        path += QLatin1Char('.') + extension;
    write(format, path);
}

TableExportMenu* installTableExportMenu(QAbstractItemView* view, const QString& baseName,
                                        TreeRows treeRows) {
    return new TableExportMenu(view, baseName, treeRows);
}

}  // namespace mtrec::ui
