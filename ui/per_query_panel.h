#pragma once

#include <QWidget>
#include <cstdint>

#include "store/eval_cell.h"
#include "store/run_record.h"
#include "query_texts.h"

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace mtrec::store {
class ExperimentStore;
}

namespace mtrec::ui {

class PerQueryTableModel;

/// The Results view's drill-down: the queries of one clicked cell (PerQueryTableModel behind a
/// sorting proxy, numeric columns sorted as numbers) under a title naming the run, suite, setting,
/// language pair and query count, with a button that hides the panel. Query texts come from the
/// suite's data folder recorded in the run's config, read once per language (QueryTexts).
/// GUI thread.
class PerQueryPanel : public QWidget {
    Q_OBJECT
public:
    explicit PerQueryPanel(QWidget* parent = nullptr);

    /// Reads and shows the queries of `key` of `run` from `store` (not kept). Showing the same
    /// cell again (a redraw) keeps the table's sort order; another cell starts in qid order.
    void showCell(store::ExperimentStore& store, const store::RunRecord& run,
                  const store::CellKey& key);
    void clear();
    QString title() const;
    PerQueryTableModel* model() const { return model_; }
    QSortFilterProxyModel* proxy() const { return proxy_; }
    QTableView* table() const { return table_; }

private:
    static QString cellTitle(const store::RunRecord& run, const store::CellKey& key,
                             int queries);

    QLabel* title_ = nullptr;
    PerQueryTableModel* model_ = nullptr;
    QSortFilterProxyModel* proxy_ = nullptr;
    QTableView* table_ = nullptr;
    QueryTexts texts_;
    std::int64_t shownRunId_ = 0;
    store::CellKey shownKey_;
};

}  // namespace mtrec::ui
