#pragma once

#include <QStyledItemDelegate>

namespace mtrec::ui {

/// Draws a running run's Steps cell as a progress bar (RunsTreeModel::ProgressRole) with its
/// "done/total" text on it; every other cell as usual.
class RunsProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
};

}  // namespace mtrec::ui
