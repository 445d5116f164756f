#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <cmath>
#include <vector>

#include "analysis/compare_summary.h"
#include "report/table_format.h"

namespace mtrec::ui {

/// What a compared side is called in the summary table.
struct CompareSideLabel {
    QString name;      ///< e.g. "#3 demo-hybrid"
    QString strategy;  ///< e.g. "hybrid"
};

/// The Compare view's summary: one row per run or seed group (the first is the reference A), the
/// columns name, strategy, seeds, then for Mo, Cr and Mul mAP and the mean rank distance the value
/// (mean ± sample std over a group's runs; a single run's value; each run's in the tooltip) and its
/// Δ against A (row − A), marked by level where the Holm-corrected test says it differs: "▲*"
/// over queries only, "▲†" over seeds only, "▲*†" both (▼ when lower). Read-only; GUI thread.
class CompareSummaryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kNameColumn = 0;
    static constexpr int kStrategyColumn = 1;
    static constexpr int kSeedsColumn = 2;
    static constexpr int kFirstValueColumn = 3;  ///< then value, Δ for each summary column

    explicit CompareSummaryModel(QObject* parent = nullptr);

    /// `labels` is parallel to summary.sides. `languagesName` names summary.languages when it is a
    /// subset (e.g. "seen in training"): the footnote says which cells the columns average.
    void setSummary(analysis::CompareSummary summary, std::vector<CompareSideLabel> labels,
                    QString languagesName = {});
    void clear();
    const analysis::CompareSummary& summary() const { return summary_; }

    /// The column of a summary column's value (its Δ is the next one).
    static int valueColumn(std::size_t summaryColumn) {
        return kFirstValueColumn + 2 * int(summaryColumn);
    }
    /// Which tests, which correction, alpha, what "±", Δ and the marks are: the line under the
    /// table.
    QString footnote() const;
    /// The table for export: the shown columns with each run's value beside a group's mean, and
    /// after each Δ the Holm-corrected p of both levels ("–" where untested); the footnote as note.
    report::Table exportTable() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(int row, int column) const;
    QVariant toolTip(int row, int column) const;
    QVariant headerToolTip(int section) const;
    QString valueText(const analysis::SummaryEntry& entry, std::size_t summaryColumn) const;
    /// "0.600 (#3), 0.800 (#4)": each run's value; empty for a single run.
    QString perRunText(int row, std::size_t summaryColumn) const;
    QString deltaText(int row, std::size_t summaryColumn) const;
    /// "*", "†", "*†" or "": the levels at which an entry differs from A.
    QString levelMarks(const analysis::SummaryEntry& entry) const;
    QString seedLevelToolTip(int row, std::size_t summaryColumn) const;
    bool anySeedLevelTested() const;
    /// Δ of a row's entry: its test's difference, else the difference of the stored means.
    double delta(int row, std::size_t summaryColumn) const;

    /// "Over the languages seen in training (de, en): …", or empty for every language.
    QString languagesNote() const;

    analysis::CompareSummary summary_;
    std::vector<CompareSideLabel> labels_;
    QString languagesName_;
};

/// A number as the summary prints it: 3 decimals for mAP; for rank distances none from 100 up,
/// one from 10, two below — judged by `magnitude` when given (a std prints like its mean).
QString summaryNumber(double value, std::size_t summaryColumn, double magnitude = NAN);

}  // namespace mtrec::ui
