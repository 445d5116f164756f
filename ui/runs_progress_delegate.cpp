#include "runs_progress_delegate.h"

#include <QApplication>
#include <QStyleOptionProgressBar>

#include "runs_tree_model.h"

namespace mtrec::ui {

void RunsProgressDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    const QVariant progress = index.data(RunsTreeModel::ProgressRole);
    if (index.column() != RunsTreeModel::Steps || !progress.isValid())
        return QStyledItemDelegate::paint(painter, option, index);
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();  // the selection and alternating colours, without the text
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &background, painter,
                                       option.widget);
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(1, 2, -1, -2);
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = progress.toInt();
    bar.text = index.data().toString();
    bar.textVisible = true;
    bar.state = option.state | QStyle::State_Horizontal;
    QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
}

}  // namespace mtrec::ui
