#pragma once

#include <QWidget>
#include <cstdint>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QSlider;

namespace mtrec::store {
class ExperimentStore;
}

namespace mtrec::ui {

class BatchMixPlot;
class HeatmapView;
class CurvePlot;
struct RunProgress;

/// One run as it trains: what it is and how it stands, the live loss, validation-loss and
/// learning-rate curves (log-y toggle, EMA smoothing), the realised batch mix against what was
/// asked (hybrid: share of mono batches against α; other strategies: steps per branch or task)
/// and the pairs trained per language pair,
/// its notes and error, and its log (store::RunHistory: created, started, resumed, validated,
/// evaluated, noted, the latest checkpoint, ended; newest last). refresh() appends the steps logged
/// since the last call (a resumed run that discarded steps is reloaded) and reads the record, the
/// notes and the log again; the queue's reports move the progress bar. GUI thread only.
class RunView : public QWidget {
    Q_OBJECT
public:
    explicit RunView(QWidget* parent = nullptr);

    /// Shows `runId` of `store` (borrowed until the next showRun or clear call).
    void showRun(store::ExperimentStore& store, std::int64_t runId);
    /// Reads what the run logged since the last call and what changed in its record.
    void refresh();
    void clear();
    /// A report of the queue; used when it is about the run shown.
    void showProgress(const RunProgress& report);

    std::int64_t runId() const { return runId_; }
    CurvePlot* curves() const { return curves_; }
    BatchMixPlot* batchMix() const { return mix_; }
    /// The pairs the run trained per (query, passage) language pair.
    HeatmapView* trainedPairs() const { return pairs_; }
    QString headline() const;
    /// The log as shown, one event a line.
    QString logText() const;

private:
    void reloadRecord();
    void appendCurves();
    void reloadBatchMix();
    void reloadTrainedPairs();
    void reloadLog();

    store::ExperimentStore* store_ = nullptr;
    std::int64_t runId_ = 0;
    std::int64_t lastStep_ = -1;  ///< the last step the curves hold (-1: none)
    std::int64_t mixStep_ = -1;   ///< the last step the batch mix holds
    double alpha_ = -1.0;         ///< a hybrid run's α, else negative
    QLabel* headline_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QCheckBox* logY_ = nullptr;
    QSlider* smoothing_ = nullptr;
    CurvePlot* curves_ = nullptr;
    BatchMixPlot* mix_ = nullptr;
    HeatmapView* pairs_ = nullptr;
    QPlainTextEdit* notes_ = nullptr;
    QPlainTextEdit* log_ = nullptr;
};

}  // namespace mtrec::ui
