#pragma once

#include <qcustomplot.h>

#include <vector>

namespace mtrec::ui {

class ChartExportMenu;

/// The realised batch mix of a run against what was asked. Hybrid: the running mean of the share of
/// mono batches over steps, against a dashed line at α. Multitask: optimizer steps per task as
/// bars, or the task cycle as stacked bars per window of steps. One mode at a time (showing one
/// clears the other). Batches can be appended while a run trains.
class BatchMixPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit BatchMixPlot(QWidget* parent = nullptr);

    /// Hybrid mode: empties the plot and draws the α line.
    void showMonoShare(double alpha);
    /// Appends one batch (steps ascending): the running share of mono batches gets a point at
    /// `step`.
    void appendBatch(double step, bool mono);
    void appendBatches(const std::vector<std::pair<double, bool>>& batches);

    /// Multitask mode: one bar per task with its optimizer step count.
    void showTaskSteps(const QStringList& tasks, const std::vector<int>& steps);
    /// Multitask mode: the task cycle as stacked bars, one stack per window of `window` steps, one
    /// layer per task counting its optimizer steps in that window. taskOfStep[i] is the index in
    /// `tasks` of the task trained at step i + 1 (others are ignored).
    void showTaskSchedule(const QStringList& tasks, const std::vector<int>& taskOfStep, int window);

    QCPGraph* shareGraph() const { return shareGraph_; }
    QCPGraph* alphaGraph() const { return alphaGraph_; }
    QCPBars* taskBars() const { return taskBars_; }
    /// The schedule's layers, bottom to top (one per task).
    const std::vector<QCPBars*>& scheduleBars() const { return scheduleBars_; }
    double alpha() const { return alpha_; }
    ChartExportMenu* exportMenu() const { return exportMenu_; }

    /// Hybrid: step,mono_share,alpha; task steps: task,steps; schedule:
    /// first_step,last_step,task,steps.
    QString csv() const;

private:
    void reset();
    void updateAlphaLine();

    QCPGraph* shareGraph_ = nullptr;
    QCPGraph* alphaGraph_ = nullptr;
    QCPBars* taskBars_ = nullptr;
    std::vector<QCPBars*> scheduleBars_;
    int window_ = 0;
    QStringList tasks_;
    double alpha_ = 0.5;
    long long batches_ = 0;
    long long monoBatches_ = 0;
    ChartExportMenu* exportMenu_ = nullptr;
};

}  // namespace mtrec::ui
