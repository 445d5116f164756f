#pragma once

#include <QWidget>
#include <cstdint>

class QComboBox;

namespace mtrec::store {
class ExperimentStore;
}

namespace mtrec::ui {

class HeatmapView;
class RankDistancePlot;

/// One run's language bias on a parallel suite: the heatmap of the mean Mul rank of the language-Y
/// relevant passage for language-X queries, and beside it the rank distance per query language with
/// the run's mean. Reads the store given to showRun on the GUI thread.
class BiasView : public QWidget {
    Q_OBJECT
public:
    explicit BiasView(QWidget* parent = nullptr);

    /// Shows `runId` of `store` (borrowed: it must outlive the next showRun or clear call).
    void showRun(store::ExperimentStore& store, std::int64_t runId);
    void clear();
    HeatmapView* heatmap() const { return heatmap_; }
    RankDistancePlot* rankDistance() const { return bars_; }

private:
    void reload();

    store::ExperimentStore* store_ = nullptr;
    std::int64_t runId_ = 0;
    QComboBox* suite_ = nullptr;
    HeatmapView* heatmap_ = nullptr;
    RankDistancePlot* bars_ = nullptr;
};

}  // namespace mtrec::ui
