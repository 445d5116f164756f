#include "export_shortcut.h"

#include <QApplication>
#include <QMenu>
#include <QWidget>

#include "charts/chart_export_menu.h"
#include "table_export_menu.h"

namespace mtrec::ui {

QMenu* exportMenuOf(QWidget* widget) {
    for (; widget; widget = widget->parentWidget()) {
        if (auto* chart =
                widget->findChild<ChartExportMenu*>(QString(), Qt::FindDirectChildrenOnly))
            return chart->menu();
        if (TableExportMenu* table = TableExportMenu::of(widget)) return table->menu();
    }
    return nullptr;
}

bool popupExportMenu(const QPoint& cursor) {
    if (QMenu* menu = exportMenuOf(QApplication::widgetAt(cursor))) {
        menu->popup(cursor);
        return true;
    }
    QWidget* focused = QApplication::focusWidget();
    if (QMenu* menu = exportMenuOf(focused)) {
        menu->popup(focused->mapToGlobal(focused->rect().center()));
        return true;
    }
    return false;
}

}  // namespace mtrec::ui
