#pragma once

#include <QAbstractTableModel>

#include "report/seen_unseen.h"

namespace mtrec::ui {

/// A run's results of one suite split by language (report::SeenUnseenSummary) as a small table:
/// rows all, seen, unseen and mixed, columns the set ("seen (7)", its languages in the tooltip),
/// Mo, Cr and Mul of the summary's metric and the rank distance. "—" where a set has no cell: a run
/// without training languages (untrained encoder, BM25) has only the "all" row's values, and mixed
/// holds Cr only. Read-only; GUI thread.
class SeenUnseenModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Row { All, Seen, Unseen, Mixed, RowCount };
    enum Column { Set, Mo, Cr, Mul, RankDistance, ColumnCount };

    explicit SeenUnseenModel(QObject* parent = nullptr);

    void setSummary(report::SeenUnseenSummary summary);
    void clear();
    const report::SeenUnseenSummary& summary() const { return summary_; }
    /// "Seen vs unseen languages (mAP)": the table's title, naming its metric.
    QString titleText() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    report::SetMean meanAt(int row, int column) const;
    QString rowName(int row) const;
    QString rowToolTip(int row) const;
    QString cellToolTip(int row, int column) const;

    report::SeenUnseenSummary summary_;
    bool empty_ = true;
};

}  // namespace mtrec::ui
