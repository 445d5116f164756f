#pragma once

#include <qcustomplot.h>

#include <limits>
#include <vector>

namespace mtrec::ui {

class ChartExportMenu;

/// One run's or seed group's bars in a plot of several side by side.
struct RankDistanceSeries {
    QString name;
    std::vector<double> meanDistances;  ///< one per language; NaN draws no bar
    double overallMean = std::numeric_limits<double>::quiet_NaN();  ///< shown in the legend
};

/// What the rank-distance bars show: per query language the mean rank distance RD (max − min rank
/// of the parallel relevant passages in the Mul ranking, averaged over the language's queries).
struct RankDistanceData {
    QString title;
    QStringList languages;
    std::vector<double> meanDistances;  ///< one per language; NaN draws no bar
    double overallMean = std::numeric_limits<double>::quiet_NaN();  ///< NaN draws no line
    /// Index of the first unseen language (seen first); -1 colours all bars alike.
    int splitIndex = -1;
    QString valueLabel = QStringLiteral("mean rank distance");
    /// Several runs or groups: when not empty, one group of bars per language with a bar per series
    /// (Okabe–Ito colours, in order) and a legend naming each with its mean; meanDistances,
    /// overallMean and splitIndex are then not drawn.
    std::vector<RankDistanceSeries> series;
};

/// One bar per query language with its value above it, and the run's mean as a dashed horizontal
/// line with its value; seen and unseen languages in two colours when a split is given. With
/// several series, grouped bars per language and a legend instead.
class RankDistancePlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit RankDistancePlot(QWidget* parent = nullptr);

    void setData(RankDistanceData data);
    const RankDistanceData& data() const { return data_; }

    /// Bars of the seen languages (all languages without a split) and of the unseen ones (or null).
    QCPBars* seenBars() const { return seenBars_; }
    QCPBars* unseenBars() const { return unseenBars_; }
    QCPItemStraightLine* meanLine() const { return meanLine_; }
    QCPItemText* meanLabel() const { return meanLabel_; }
    /// The bars of each series (empty without series), in series order.
    const std::vector<QCPBars*>& seriesBars() const { return seriesBars_; }
    ChartExportMenu* exportMenu() const { return exportMenu_; }

    /// query_language,mean_rank_distance per language, then "(all)" with the overall mean; with
    /// series, one value column per series named after it.
    QString csv() const;

private:
    QCPBars* makeBars(const QColor& color, const QString& name);
    void buildSingleBars(double& top);
    void buildSeriesBars(double& top);
    void buildMeanLine();
    void buildAxes(double top);

    RankDistanceData data_;
    QCPBars* seenBars_ = nullptr;
    QCPBars* unseenBars_ = nullptr;
    std::vector<QCPBars*> seriesBars_;
    QCPBarsGroup* barsGroup_ = nullptr;  // owned by the plot; holds seriesBars_
    QCPItemStraightLine* meanLine_ = nullptr;
    QCPItemText* meanLabel_ = nullptr;
    QCPTextElement* title_ = nullptr;
    ChartExportMenu* exportMenu_ = nullptr;
};

/// A number for a bar label: no decimals from 100 up, one from 10, two below.
QString barValueText(double value);

}  // namespace mtrec::ui
