#pragma once

#include <qcustomplot.h>

#include <array>
#include <vector>

#include "charts/ema.h"

namespace mtrec::ui {

class ChartExportMenu;

/// The series a CurvePlot draws.
enum class CurveSeries {
    TrainingLoss = 0,
    ValidationLoss = 1,
    LearningRate = 2,
    ValidationCrossMrr = 3,  ///< on the loss rect's right axis, 0 to 1
};

struct CurvePoint {
    double step = 0.0;
    double value = 0.0;
};

/// Training curves of one run: training and validation loss on the upper axis rect (log-y toggle,
/// legend) with the validation cross-lingual MRR on its right axis, the learning rate on a lower
/// axis rect sharing the step axis. The training loss is drawn smoothed by an EMA over its faint
/// raw curve; the validation loss is not smoothed: it is already a mean over the validation set,
/// and evaluated only every so many steps an EMA over evaluations would lag it by hundreds of
/// steps. Points can be appended one at a time while a run trains: appending adds to the graphs and
/// extends the EMA from its last state without rebuilding, and asks for a queued (coalesced)
/// replot. GUI thread only; the right-click menu exports PNG, PDF and CSV.
class CurvePlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit CurvePlot(QWidget* parent = nullptr);

    /// Replaces one series (steps ascending).
    void setSeries(CurveSeries series, const std::vector<CurvePoint>& points);
    /// Appends points after the last one of the series (steps ascending).
    void appendPoints(CurveSeries series, const std::vector<CurvePoint>& points);
    void appendPoint(CurveSeries series, double step, double value);
    void clear();

    /// EMA weight in [0, 0.99] for the training loss; 0 hides its raw curve (they would coincide).
    void setSmoothing(double weight);
    double smoothing() const { return smoothing_; }
    void setLogY(bool enabled);
    bool logY() const { return logY_; }

    /// The graph of a series as given, and the smoothed graph (training loss only, else null).
    QCPGraph* rawGraph(CurveSeries series) const;
    QCPGraph* smoothedGraph(CurveSeries series) const;
    QCPAxisRect* lossRect() const { return lossRect_; }
    QCPAxisRect* learningRateRect() const { return lrRect_; }
    ChartExportMenu* exportMenu() const { return exportMenu_; }

    /// step,series,value,smoothed — one row per point (RFC 4180).
    QString csv() const;

private:
    void buildLayout();
    QCPGraph* makeGraph(QCPAxisRect* rect, const QColor& color, bool faint);
    void recomputeSmoothed();
    void rescale();

    QCPAxisRect* lossRect_ = nullptr;
    QCPAxisRect* lrRect_ = nullptr;
    std::array<QCPGraph*, 4> raw_{};
    QCPGraph* smoothedLoss_ = nullptr;
    EmaSmoother smoother_{0.6};
    double smoothing_ = 0.6;
    bool logY_ = false;
    ChartExportMenu* exportMenu_ = nullptr;
};

}  // namespace mtrec::ui
