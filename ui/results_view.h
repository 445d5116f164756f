#pragma once

#include <QWidget>
#include <cstdint>
#include <vector>

class QComboBox;
class QLabel;

namespace mtrec::store {
class ExperimentStore;
}

namespace mtrec::ui {

class HeatmapView;

/// One run's results: suite and measure pickers, the Mo/Cr/Mul summary line, and the language-pair
/// heatmap (rows query language, columns candidate language, then Mul). Reads the store given to
/// showRun on the GUI thread (a few ms a grid); keeps no store of its own.
class ResultsView : public QWidget {
    Q_OBJECT
public:
    explicit ResultsView(QWidget* parent = nullptr);

    /// Shows `runId` of `store` (borrowed: it must outlive the next showRun or clear call).
    void showRun(store::ExperimentStore& store, std::int64_t runId);
    void clear();
    HeatmapView* heatmap() const { return heatmap_; }
    QString summaryText() const;

private:
    void reload();

    store::ExperimentStore* store_ = nullptr;
    std::int64_t runId_ = 0;
    QComboBox* suite_ = nullptr;
    QComboBox* measure_ = nullptr;
    QLabel* summary_ = nullptr;
    HeatmapView* heatmap_ = nullptr;
};

}  // namespace mtrec::ui
