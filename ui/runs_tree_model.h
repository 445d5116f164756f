#pragma once

#include <QAbstractItemModel>
#include <QIcon>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "run_row.h"

namespace mtrec::store {
class ExperimentStore;
}

namespace mtrec::ui {

/// The runs of an experiments database as a tree of depth 2: every seed group of two or more runs
/// (see seedGroupsOfRows) is a top-level row showing the mean ± sample std of its runs' metrics,
/// with the runs as its children; a run without replicates is a top-level row of its own.
///
/// A pinned baseline (a run or a group) turns every other row's metric cells into signed deltas
/// against it; the exact values stay in the tooltips. The tags and notes of a run are editable:
/// setData writes them to the store given to setStore (borrowed; it must outlive the model or be
/// replaced) and reads the run back, or emits writeFailed and keeps the old value.
///
/// Sorting and filtering are left to a RunsFilterProxy: SortRole gives numeric keys, the other
/// roles what its filters test.
class RunsTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    /// Name first: it holds a group's expander; the metrics next, so a narrow panel shows them.
    enum Column {
        Name,
        Id,
        Status,
        MoMap,
        CrMap,
        MulMap,
        RankDistance,
        Strategy,
        Alpha,
        Seed,
        Steps,
        Duration,
        Tags,
        Notes,
        Created,
        /// Cr and Mul mAP over the run's training languages and over the others (hidden by
        /// default; the header's menu shows them).
        CrSeen,
        CrUnseen,
        MulSeen,
        MulUnseen,
        ColumnCount
    };
    /// The columns holding a metric (a value per run, mean ± std per group, deltas against a
    /// pinned baseline), in the order of their statistics.
    static constexpr std::array<int, 8> kMetricColumns = {MoMap,  CrMap,    MulMap,  RankDistance,
                                                          CrSeen, CrUnseen, MulSeen, MulUnseen};
    static bool isMetricColumn(int column);
    enum Role {
        SortRole = Qt::UserRole,  ///< a number for numeric columns, else text
        RunIdRole,                ///< qint64: the run's id; a group's first run's
        IsGroupRole,              ///< bool
        RunIdsRole,               ///< QList<qint64>: the run, or every run of the group
        TagsRole,                 ///< QStringList: the run's tags; a group's union of them
        StrategyRole,             ///< QString
        StatusRole,               ///< QString, the stored status name; a group's is empty
        FilterTextRole,           ///< QString: id, name, strategy, status, tags and note
        KeyRole,       ///< QString: "run:12" or "group:12" (its first run); what pinning stores
        ProgressRole,  ///< int 0..100: steps done of a running run's total; else invalid
    };

    explicit RunsTreeModel(QObject* parent = nullptr);

    /// Replaces the rows (a reset). `nowMs` dates the running time of runs that have not ended.
    void setRows(std::vector<RunRow> rows, std::int64_t nowMs);
    void setStore(store::ExperimentStore* store) { store_ = store; }

    /// The run of a run row; nullptr for a group row or an invalid index.
    const RunRow* runAt(const QModelIndex& index) const;
    /// The row of a run (a child when it is in a group); invalid when absent.
    QModelIndex indexOfRun(std::int64_t runId, int column = 0) const;
    /// The top-level row whose KeyRole is `key`, or the run row of a "run:N" key.
    QModelIndex indexOfKey(const QString& key, int column = 0) const;
    /// The rows held, in id order.
    const std::vector<RunRow>& rows() const { return rows_; }
    /// The number of runs held (group rows not counted).
    int runCount() const { return static_cast<int>(rows_.size()); }

    /// Pins the baseline by its key (KeyRole); an empty key, or one naming no row, unpins.
    void setBaselineKey(const QString& key);
    QString baselineKey() const { return baselineKey_; }
    /// Whether a row is the baseline the deltas are taken against.
    bool isBaseline(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// A tag or note edit the store refused; the row keeps its old value.
    void writeFailed(const QString& message);

private:
    /// A metric of one row: a run's value, or a group's mean and sample std over its runs that
    /// have it (std NaN for one value).
    struct Stat {
        double mean = 0.0;
        double std = 0.0;
        int n = 0;
    };
    struct Entry {
        std::vector<std::size_t> runs;  ///< indices into rows_; two or more: a group
        /// Per metric column, in kMetricColumns order.
        std::array<std::optional<Stat>, kMetricColumns.size()> stats;
        bool isGroup() const { return runs.size() >= 2; }
    };

    /// The entry of a top-level row, or of a child row's group.
    const Entry* entryOf(const QModelIndex& index) const;
    bool isGroupRow(const QModelIndex& index) const;
    std::optional<Stat> statOf(const QModelIndex& index, int column) const;
    std::optional<double> baselineMean(int column) const;
    QVariant runData(const QModelIndex& index, const RunRow& row, int role) const;
    QVariant groupData(const QModelIndex& index, const Entry& entry, int role) const;
    QVariant runDisplay(const QModelIndex& index, const RunRow& row) const;
    QVariant groupDisplay(const QModelIndex& index, const Entry& entry) const;
    QVariant sortKey(const QModelIndex& index) const;
    QVariant metricDisplay(const QModelIndex& index) const;
    QVariant metricToolTip(const QModelIndex& index) const;
    QString keyOf(const QModelIndex& index) const;
    std::optional<std::int64_t> durationOf(const RunRow& row) const;
    bool writeTags(const QModelIndex& index, const QString& text);
    bool writeNote(const QModelIndex& index, const QString& text);
    /// After a write: the run as stored now, its cell and its group's repainted.
    void rereadRun(const QModelIndex& index);

    std::vector<RunRow> rows_;              // in id order
    std::vector<Entry> entries_;            // the top-level rows
    std::vector<std::int32_t> entryOfRow_;  // parallel to rows_
    std::vector<std::int32_t> childOfRow_;  // the row's place in its group; -1 at top level
    std::int64_t nowMs_ = 0;
    QString baselineKey_;
    store::ExperimentStore* store_ = nullptr;
    std::array<QIcon, 6> statusIcons_;
    QIcon contaminatedIcon_;
};

}  // namespace mtrec::ui
