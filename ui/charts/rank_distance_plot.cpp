#include "charts/rank_distance_plot.h"

#include <QFontMetrics>
#include <algorithm>
#include <cmath>

#include "charts/categorical_colors.h"
#include "charts/chart_export.h"
#include "charts/chart_export_menu.h"
#include "charts/chart_style.h"

namespace mtrec::ui {

namespace {

/// The widest a series name may make its legend entry: a long run name would otherwise set the
/// plot's (and so the Compare pane's) minimum width. The CSV export keeps the whole name.
constexpr int kLegendNameWidth = 300;

}  // namespace

QString barValueText(double value) {
    const double a = std::abs(value);
    return QString::number(value, 'f', a >= 100 ? 0 : a >= 10 ? 1 : 2);
}

RankDistancePlot::RankDistancePlot(QWidget* parent) : QCustomPlot(parent) {
    exportMenu_ = new ChartExportMenu(
        this, [this] { return csv(); }, QStringLiteral("rank-distance"));
    // The legend under the axis rect, an entry a row: inside a narrow plot it would cover the
    // mean label or the bars, and in one row a long run name would widen the plot.
    axisRect()->insetLayout()->take(legend);
    plotLayout()->addElement(1, 0, legend);
    plotLayout()->setRowStretchFactor(1, 0.001);
    legend->setWrap(1);  // before the fill order, which rearranges the entries by the wrap in force
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setMargins(QMargins(4, 2, 4, 2));
    legend->setBorderPen(Qt::NoPen);
}

QCPBars* RankDistancePlot::makeBars(const QColor& color, const QString& name) {
    auto* bars = new QCPBars(xAxis, yAxis);
    bars->setName(name);
    bars->setPen(QPen(color.darker(120)));
    QColor fill = color;
    fill.setAlpha(200);
    bars->setBrush(fill);
    bars->setWidth(0.7);
    return bars;
}

void RankDistancePlot::setData(RankDistanceData data) {
    data_ = std::move(data);
    clearPlottables();
    clearItems();
    meanLine_ = nullptr;
    meanLabel_ = nullptr;
    seenBars_ = unseenBars_ = nullptr;
    seriesBars_.clear();
    double top = 0.0;
    if (data_.series.empty())
        buildSingleBars(top);
    else
        buildSeriesBars(top);
    buildAxes(top);
    if (!title_) {
        plotLayout()->insertRow(0);
        title_ = new QCPTextElement(this, QString(), titleFont(this));
        plotLayout()->addElement(0, 0, title_);
    }
    title_->setText(data_.title);
    title_->setVisible(!data_.title.isEmpty());
    styleAxes(this);
    replot(rpQueuedReplot);
}

void RankDistancePlot::buildSingleBars(double& top) {
    const bool split = data_.splitIndex > 0 && data_.splitIndex < data_.languages.size();
    seenBars_ = makeBars(QColor(0x00, 0x72, 0xB2), split ? tr("seen in training") : QString());
    unseenBars_ = split ? makeBars(QColor(0xE6, 0x9F, 0x00), tr("unseen")) : nullptr;
    buildMeanLine();  // before the bar labels, so they are drawn over it
    for (int i = 0; i < data_.languages.size(); ++i) {
        const double v =
            i < int(data_.meanDistances.size()) ? data_.meanDistances[size_t(i)] : qQNaN();
        if (!std::isfinite(v)) continue;
        (split && i >= data_.splitIndex ? unseenBars_ : seenBars_)->addData(i, v);
        top = std::max(top, v);
        auto* label = new QCPItemText(this);
        label->position->setCoords(i, v);
        // Upright over its bar: five-digit ranks side by side overlap once a pane holds eleven
        // narrow bars (the Bias view beside its heatmap).
        label->setRotation(-90);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        label->setPadding(QMargins(1, 1, 2, 1));
        label->setBrush(QColor(255, 255, 255, 200));
        label->setText(barValueText(v));
    }
    if (std::isfinite(data_.overallMean)) top = std::max(top, data_.overallMean);
    top *= 1.12;  // headroom for the upright value labels
    legend->setVisible(split);
    if (!split) seenBars_->removeFromLegend();
}

void RankDistancePlot::buildSeriesBars(double& top) {
    if (!barsGroup_) barsGroup_ = new QCPBarsGroup(this);
    barsGroup_->setSpacing(0);
    const double width = 0.8 / double(data_.series.size());
    for (std::size_t s = 0; s < data_.series.size(); ++s) {
        const RankDistanceSeries& series = data_.series[s];
        const QString shortName =
            QFontMetrics(legend->font()).elidedText(series.name, Qt::ElideMiddle, kLegendNameWidth);
        const QString name =
            std::isfinite(series.overallMean)
                ? tr("%1 (mean %2)").arg(shortName, barValueText(series.overallMean))
                : shortName;
        QCPBars* bars = makeBars(categoricalColor(int(s)), name);
        bars->setWidth(width);
        bars->setBarsGroup(barsGroup_);
        for (int i = 0; i < data_.languages.size(); ++i) {
            const double v =
                i < int(series.meanDistances.size()) ? series.meanDistances[size_t(i)] : qQNaN();
            if (!std::isfinite(v)) continue;
            bars->addData(i, v);
            top = std::max(top, v);
        }
        seriesBars_.push_back(bars);
    }
    legend->setVisible(true);
}

void RankDistancePlot::buildAxes(double top) {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < data_.languages.size(); ++i) ticker->addTick(i, data_.languages.at(i));
    xAxis->setTicker(ticker);
    xAxis->setSubTicks(false);
    xAxis->setTickLength(0, 0);
    xAxis->grid()->setVisible(false);
    xAxis->setRange(-0.6, data_.languages.size() - 0.4);
    // Many single bars share a narrow pane (the Bias view): upright codes do not run together.
    xAxis->setTickLabelRotation(data_.series.empty() && data_.languages.size() > 8 ? -90 : 0);
    xAxis->setLabel(tr("query language"));
    yAxis->setLabel(data_.valueLabel);
    yAxis->setRange(0.0, top > 0 ? top * 1.15 : 1.0);
}

void RankDistancePlot::buildMeanLine() {
    if (!std::isfinite(data_.overallMean)) return;
    meanLine_ = new QCPItemStraightLine(this);
    meanLine_->point1->setCoords(0, data_.overallMean);
    meanLine_->point2->setCoords(1, data_.overallMean);
    meanLine_->setPen(QPen(QColor(0xCC, 0x33, 0x11), 2.0, Qt::DashLine));
    meanLabel_ = new QCPItemText(this);
    meanLabel_->position->setAxisRect(axisRect());
    meanLabel_->position->setAxes(xAxis, yAxis);
    meanLabel_->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    // In the upper right corner, clear of the bars' value labels that the line runs through.
    meanLabel_->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    meanLabel_->position->setCoords(0.995, 0.01);
    meanLabel_->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    meanLabel_->setClipToAxisRect(false);
    meanLabel_->setText(tr("mean %1").arg(barValueText(data_.overallMean)));
    meanLabel_->setPen(QPen(QColor(0xCC, 0x33, 0x11), 1.0, Qt::DashLine));
    meanLabel_->setColor(QColor(0xCC, 0x33, 0x11));
    meanLabel_->setBrush(QColor(255, 255, 255, 210));
    meanLabel_->setPadding(QMargins(3, 1, 3, 1));
    QFont font = this->font();
    font.setBold(true);
    meanLabel_->setFont(font);
}

QString RankDistancePlot::csv() const {
    const auto valueAt = [](const std::vector<double>& values, int i) {
        return i < int(values.size()) ? values[size_t(i)] : qQNaN();
    };
    if (!data_.series.empty()) {
        std::vector<QStringList> rows{{QStringLiteral("query_language")}};
        for (const RankDistanceSeries& series : data_.series) rows[0] << series.name;
        for (int i = 0; i < data_.languages.size(); ++i) {
            QStringList row{data_.languages.at(i)};
            for (const RankDistanceSeries& series : data_.series)
                row << csvNumber(valueAt(series.meanDistances, i));
            rows.push_back(row);
        }
        QStringList all{QStringLiteral("(all)")};
        for (const RankDistanceSeries& series : data_.series) all << csvNumber(series.overallMean);
        rows.push_back(all);
        return csvText(rows);
    }
    std::vector<QStringList> rows{
        {QStringLiteral("query_language"), QStringLiteral("mean_rank_distance")}};
    for (int i = 0; i < data_.languages.size(); ++i)
        rows.push_back({data_.languages.at(i), csvNumber(valueAt(data_.meanDistances, i))});
    rows.push_back({QStringLiteral("(all)"), csvNumber(data_.overallMean)});
    return csvText(rows);
}

}  // namespace mtrec::ui
