#pragma once

#include <QWidget>
#include <cstdint>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;

namespace mtrec::store {
class ExperimentStore;
}

namespace mtrec::ui {

class HeatmapView;

/// Two runs — or their seed groups — side by side: the A − B heatmap of per-query AP (mAP) per
/// language pair, on a diverging scale centred on 0, with a mark on every cell whose
/// Holm-corrected paired randomization test is significant. A is the first run selected, B the
/// second. The test runs on the GUI thread (about half a second for a full XQuAD-R grid).
class CompareView : public QWidget {
    Q_OBJECT
public:
    explicit CompareView(QWidget* parent = nullptr);

    /// Compares runs[0] (A) with runs[1] (B) of `store` (borrowed until the next call).
    void showRuns(store::ExperimentStore& store, const std::vector<std::int64_t>& runs);
    void clear();
    HeatmapView* heatmap() const { return heatmap_; }
    QString statusText() const;
    /// Compare whole seed groups (each run's replicates) instead of the two runs.
    void setSeedGroups(bool on);

private:
    void reload();
    std::vector<std::int64_t> sideOf(std::int64_t runId) const;

    store::ExperimentStore* store_ = nullptr;
    std::vector<std::int64_t> runs_;
    QComboBox* suite_ = nullptr;
    QCheckBox* groups_ = nullptr;
    QLabel* status_ = nullptr;
    HeatmapView* heatmap_ = nullptr;
};

}  // namespace mtrec::ui
