#pragma once

#include <QStringList>
#include <QWidget>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "store/eval_cell.h"
#include "store/run_record.h"

class QComboBox;
class QLabel;
class QSplitter;
class QTableView;

namespace mtrec::store {
class ExperimentStore;
}

namespace mtrec::ui {

class HeatmapView;
class PerQueryPanel;
class ReportTableModel;
class SeenUnseenModel;

/// One run's results: suite and measure pickers, the Mo/Cr/Mul summary line, and the language-pair
/// heatmap (rows query language, columns candidate language, then Mul; the run's training
/// languages first). Beside the heatmap: Mo/Cr/Mul and rank distance over all, the seen (training)
/// and the unseen languages (of the chosen metric; mAP for the other measures), and per query
/// language the unknown-token share and the tied relevant ranks (hidden when none were recorded).
/// Clicking a cell opens its queries in a panel under the heatmap. Reads the store given to showRun
/// on the GUI thread (a few ms a grid); keeps no store of its own.
class ResultsView : public QWidget {
    Q_OBJECT
public:
    explicit ResultsView(QWidget* parent = nullptr);

    /// Shows `runId` of `store` (borrowed: it must outlive the next showRun or clear call).
    void showRun(store::ExperimentStore& store, std::int64_t runId);
    void clear();
    HeatmapView* heatmap() const { return heatmap_; }
    PerQueryPanel* queries() const { return queries_; }
    QTableView* seenUnseenTable() const { return seenUnseenView_; }
    QTableView* diagnosticsTable() const { return diagnosticsView_; }
    QString summaryText() const;
    /// The languages drawn first (the run's training languages; empty: none known).
    const QStringList& seenLanguages() const { return seenLanguages_; }

    /// Opens the queries of the shown suite's cell `queryLanguage` → `candidateLanguage` (Mo when
    /// they are equal, Cr otherwise, Mul for "Mul"), as a click on that heatmap cell does.
    void showQueries(const QString& queryLanguage, const QString& candidateLanguage);

private:
    void reload();
    QWidget* buildSidePanel();
    /// The seen/unseen summary and the diagnostics of the shown suite; `cells` are its cells.
    void showLanguageTables(const std::string& suite, const std::vector<store::EvalCell>& cells,
                            store::Measure measure);

    store::ExperimentStore* store_ = nullptr;
    std::int64_t runId_ = 0;
    std::optional<store::RunRecord> run_;
    QStringList seenLanguages_;
    QSplitter* split_ = nullptr;
    PerQueryPanel* queries_ = nullptr;
    std::pair<QString, QString> shownPair_;  ///< the cell whose queries the panel shows
    QComboBox* suite_ = nullptr;
    QComboBox* measure_ = nullptr;
    QLabel* summary_ = nullptr;
    HeatmapView* heatmap_ = nullptr;
    SeenUnseenModel* seenUnseen_ = nullptr;
    QTableView* seenUnseenView_ = nullptr;
    ReportTableModel* diagnostics_ = nullptr;
    QLabel* seenUnseenTitle_ = nullptr;
    QLabel* diagnosticsTitle_ = nullptr;
    QTableView* diagnosticsView_ = nullptr;
};

}  // namespace mtrec::ui
