#include "grid_heatmaps.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "charts/heatmap_order.h"
#include "eval/display_names.h"

namespace mtrec::ui {
namespace {

constexpr double kSignificanceLevel = 0.05;

QStringList labels(const std::vector<std::string>& items) {
    QStringList out;
    for (const std::string& item : items) out.append(QString::fromStdString(item));
    return out;
}

/// Rows = the grid's rows; columns = its language columns, with Mul drawn apart when present.
void setAxes(HeatmapData& data, const store::GridLayout& layout) {
    data.rowLabels = labels(layout.rows);
    QStringList columns = labels(layout.columns);
    data.hasMulColumn = !columns.isEmpty() && columns.last() == QLatin1String(store::kMulColumn);
    if (data.hasMulColumn) columns.removeLast();
    data.columnLabels = columns;
    data.resetCells();
}

QString title(const QString& what, const GridSubject& subject) {
    return QStringLiteral("%1, %2, %3").arg(what, suiteTitle(subject.suite), subject.name);
}

}  // namespace

QString measureTitle(store::Measure measure) {
    if (const auto metric = measure.metric())
        return QString::fromUtf8(eval::displayName(*metric).data(),
                                 int(eval::displayName(*metric).size()));
    if (const auto diagnostic = measure.diagnostic()) {
        switch (*diagnostic) {
            case store::DiagnosticMeasure::UnkShare:
                return QObject::tr("unknown-token share");
            case store::DiagnosticMeasure::TiedRelevant:
                return QObject::tr("tied relevant ranks");
        }
    }
    if (const auto bias = measure.bias()) {
        switch (*bias) {
            case store::BiasMeasure::MulMeanRank:
                return QObject::tr("mean Mul rank");
            case store::BiasMeasure::MulTop10Share:
                return QObject::tr("top-10 share");
            case store::BiasMeasure::RankDistance:
                return QObject::tr("rank distance");
        }
    }
    return {};
}

QString suiteTitle(const QString& suite) {
    if (suite == QLatin1String("xquad-r")) return QStringLiteral("XQuAD-R");
    if (suite == QLatin1String("mlqa-r")) return QStringLiteral("MLQA-R");
    if (suite == QLatin1String("miracl")) return QStringLiteral("MIRACL");
    if (suite == QLatin1String("mtrec")) return QStringLiteral("mTREC");
    return suite;
}

HeatmapData heatmapOfGrid(const store::LanguageGrid& grid, const GridSubject& subject) {
    HeatmapData data;
    const QString what = measureTitle(grid.metric);
    data.title = title(what, subject);
    data.seenLanguages = subject.seenLanguages;
    data.colorBarLabel = what;
    data.valueName = what;
    const bool isRank = grid.metric == store::Measure(store::BiasMeasure::MulMeanRank) ||
                        grid.metric == store::Measure(store::BiasMeasure::RankDistance);
    data.scale = isRank ? HeatmapScale::SequentialReversed : HeatmapScale::SequentialFixed;
    setAxes(data, grid.layout);
    const int columns = int(grid.layout.columns.size());
    for (int row = 0; row < data.rowCount(); ++row)
        for (int column = 0; column < columns; ++column) {
            const store::GridCell& source = grid.at(std::size_t(row), std::size_t(column));
            HeatmapCell& cell = data.cell(row, column);
            cell.value = source.value;
            cell.queryCount = int(source.queries.value_or(0));
        }
    return data;
}

HeatmapData heatmapOfBias(const store::BiasGrid& grid, const GridSubject& subject) {
    HeatmapData data;
    data.title = title(QObject::tr("mean Mul rank of the relevant passage"), subject);
    data.seenLanguages = subject.seenLanguages;
    data.colorBarLabel = QObject::tr("mean Mul rank");
    data.valueName = QObject::tr("mean rank");
    data.columnAxisLabel = QObject::tr("language of the relevant passage");
    data.scale = HeatmapScale::SequentialReversed;
    data.logarithmic = true;
    data.rowLabels = labels(grid.languages);
    data.columnLabels = data.rowLabels;
    data.resetCells();
    const int n = data.rowCount();
    for (int row = 0; row < n; ++row)
        for (int column = 0; column < n; ++column)
            data.cell(row, column).value = grid.meanRank.at(std::size_t(row * n + column));
    data.note = QObject::tr("A language-agnostic model gives a flat row.");
    return data;
}

RankDistanceData rankDistanceOfBias(const store::BiasGrid& grid, const GridSubject& subject) {
    RankDistanceData data;
    data.title = title(QObject::tr("rank distance"), subject);
    const QStringList languages = labels(grid.languages);
    for (int i : seenFirstOrder(languages, subject.seenLanguages)) {
        data.languages.append(languages.at(i));
        data.meanDistances.push_back(std::size_t(i) < grid.rankDistance.size()
                                         ? grid.rankDistance[std::size_t(i)]
                                         : std::numeric_limits<double>::quiet_NaN());
    }
    const int seen = int(std::count_if(languages.begin(), languages.end(), [&](const QString& l) {
        return subject.seenLanguages.contains(l);
    }));
    data.splitIndex = seen > 0 && seen < languages.size() ? seen : -1;
    data.overallMean = grid.meanRankDistance;
    return data;
}

HeatmapData heatmapOfDelta(const analysis::DeltaGrid& grid, const QString& nameA,
                           const QString& nameB, const QStringList& seenLanguages) {
    HeatmapData data;
    data.seenLanguages = seenLanguages;
    const QString what = measureTitle(grid.metric);
    data.title = QObject::tr("%1 − %2: %3, %4")
                     .arg(nameA, nameB, what, suiteTitle(QString::fromStdString(grid.suite)));
    data.colorBarLabel = QObject::tr("Δ %1 (A − B)").arg(what);
    data.valueName = QObject::tr("Δ %1").arg(what);
    data.scale = HeatmapScale::DivergingSymmetric;
    data.nameA = nameA;
    data.nameB = nameB;
    data.correction = QStringLiteral("Holm");
    data.note = QObject::tr(
        "* Holm-corrected paired randomization test over queries p < 0.05; † Holm-corrected "
        "Welch t-test over per-seed means p < 0.05 (seed groups of ≥ 2 runs a side)");
    setAxes(data, grid.layout);
    const int columns = int(grid.layout.columns.size());
    for (int row = 0; row < data.rowCount(); ++row)
        for (int column = 0; column < columns; ++column) {
            const auto& source = grid.at(std::size_t(row), std::size_t(column));
            if (!source) continue;
            HeatmapCell& cell = data.cell(row, column);
            cell.value = source->diff;
            cell.valueA = source->meanA;
            cell.valueB = source->meanB;
            cell.queryCount = int(source->queries);
            cell.pRaw = source->pRandomization;
            cell.pCorrected = source->pRandomizationHolm;
            if (source->pRandomizationHolm < kSignificanceLevel) cell.mark = QStringLiteral("*");
            if (source->seeds.tested() && source->seeds.pHolm < kSignificanceLevel)
                cell.mark += QStringLiteral("†");
        }
    return data;
}

}  // namespace mtrec::ui
