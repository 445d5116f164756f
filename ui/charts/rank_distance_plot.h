#pragma once

#include <qcustomplot.h>

#include <limits>
#include <vector>

namespace mtrec::ui {

class ChartExportMenu;

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
};

/// One bar per query language with its value above it, and the run's mean as a dashed horizontal
/// line with its value; seen and unseen languages in two colours when a split is given.
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
    ChartExportMenu* exportMenu() const { return exportMenu_; }

    /// query_language,mean_rank_distance per language, then "(all)" with the overall mean.
    QString csv() const;

private:
    QCPBars* makeBars(const QColor& color, const QString& name);
    void buildMeanLine();

    RankDistanceData data_;
    QCPBars* seenBars_ = nullptr;
    QCPBars* unseenBars_ = nullptr;
    QCPItemStraightLine* meanLine_ = nullptr;
    QCPItemText* meanLabel_ = nullptr;
    QCPTextElement* title_ = nullptr;
    ChartExportMenu* exportMenu_ = nullptr;
};

/// A number for a bar label: no decimals from 100 up, one from 10, two below.
QString barValueText(double value);

}  // namespace mtrec::ui
