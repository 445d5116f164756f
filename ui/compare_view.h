#pragma once

#include <QWidget>
#include <cstdint>
#include <vector>

#include "analysis/compare_summary.h"
#include "compare_summary_model.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;

namespace mtrec::store {
class ExperimentStore;
}

namespace mtrec::ui {

class HeatmapView;
class RankDistancePlot;

/// Two or more runs — or their seed groups — side by side. The first run selected is the
/// reference A; a picker chooses B among the others for the A − B heatmap: per-query AP (mAP) per
/// language pair with a mark on every cell whose Holm-corrected paired randomization test over
/// queries ("*") or Welch's t-test over per-seed means ("†", seed groups) is significant, or the
/// mean Mul rank (no test). Beside it the rank distance per query language of
/// every side; below, the summary table of every side against A (CompareSummaryModel). The store
/// is read and the tests run on the GUI thread (about half a second for a full XQuAD-R grid, a
/// third more with the summary's tests); choosing another B or measure reuses the loaded
/// per-query values and the summary.
class CompareView : public QWidget {
    Q_OBJECT
public:
    /// What the delta heatmap shows.
    enum class DeltaMeasure { AveragePrecision, MulMeanRank };
    /// Which languages' cells the summary table averages: every language, the languages every
    /// trained run trained on, or those none did (analysis::seenUnseenLanguages).
    enum class LanguageSet { All, Seen, Unseen };

    explicit CompareView(QWidget* parent = nullptr);

    /// Compares runs[0] (A) with every other of `runs` (in this order) of `store` (borrowed until
    /// the next call); B starts as runs[1].
    void showRuns(store::ExperimentStore& store, const std::vector<std::int64_t>& runs);
    void clear();
    HeatmapView* heatmap() const { return heatmap_; }
    RankDistancePlot* rankDistance() const { return bars_; }
    CompareSummaryModel* summaryModel() const { return summary_; }
    QTableView* summaryTable() const { return table_; }
    QString statusText() const;
    QString footnoteText() const;
    /// Compare whole seed groups (each run's replicates) instead of the runs.
    void setSeedGroups(bool on);
    /// B = the index-th side after A (0 = the second run selected).
    void setComparedSide(int index);
    void setDeltaMeasure(DeltaMeasure measure);
    /// Does nothing when the compared runs have no such languages (the picker does not offer it).
    void setLanguageSet(LanguageSet set);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QLayout* buildToolBar();
    QWidget* buildSummaryPane();
    /// "Summary over: [all | seen | unseen]" above the summary table.
    QLayout* buildLanguagePicker(QWidget* pane);
    /// The summary table as high as its rows (at least one), so the charts get the rest.
    void fitTableHeight();
    void reload();
    /// Reads every side's per-query values and label; what went wrong, or empty.
    QString loadSides(const std::string& suite);
    /// Clears every chart and the table and says why in the status line.
    void showNothing(const QString& why);
    void showSummary(analysis::CompareSummary summary);
    /// Bars of every side's rank distance per query language; the means from `summary`.
    void showRankDistances(const std::string& suite, const analysis::CompareSummary& summary);
    void fillComparedPicker();
    /// Offers all, seen and unseen, each with its languages, keeping the current choice if offered.
    void fillLanguagePicker(const std::string& suite);
    /// The picker's choice as a subset, and what to call it in the footnote.
    analysis::LanguageSubset chosenLanguages() const;
    void redrawDelta();
    void showAveragePrecisionDelta(std::size_t b, const std::string& suite);
    void showMeanRankDelta(std::size_t b, const std::string& suite);
    void showProblem(const QString& problem);
    std::vector<std::int64_t> sideOf(std::int64_t runId) const;
    /// e.g. "#3 demo-hybrid" or "#3 demo-hybrid (2 seeds)".
    QString sideName(std::size_t side) const;

    store::ExperimentStore* store_ = nullptr;
    std::vector<std::int64_t> runs_;
    std::vector<analysis::SidePerQuery> sides_;  ///< one per run of runs_, loaded by reload()
    std::vector<CompareSideLabel> labels_;       ///< parallel to sides_
    QComboBox* suite_ = nullptr;
    QCheckBox* groups_ = nullptr;
    QComboBox* compared_ = nullptr;
    QComboBox* measure_ = nullptr;
    QComboBox* languages_ = nullptr;
    QLabel* status_ = nullptr;
    HeatmapView* heatmap_ = nullptr;
    RankDistancePlot* bars_ = nullptr;
    CompareSummaryModel* summary_ = nullptr;
    QTableView* table_ = nullptr;
    QLabel* footnote_ = nullptr;
};

}  // namespace mtrec::ui
