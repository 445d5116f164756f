#include "eval/metrics.h"

#include <cmath>

namespace mtrec::eval {

namespace {

constexpr std::size_t kNdcgCutoff = 10;

// Relevant documents among the first `cutoff` ranks.
double relevantInTop(const std::vector<RankedRelevant>& retrieved, std::size_t cutoff) {
    std::size_t count = 0;
    for (const RankedRelevant& hit : retrieved) {
        if (hit.rank > cutoff) break;
        ++count;
    }
    return static_cast<double>(count);
}

double averagePrecision(const std::vector<RankedRelevant>& retrieved, std::size_t relevantCount) {
    long relSoFar = 0;
    double sum = 0.0;
    for (const RankedRelevant& hit : retrieved) {
        ++relSoFar;
        sum += static_cast<double>(relSoFar) / static_cast<double>(hit.rank);
    }
    return relSoFar ? sum / static_cast<double>(relevantCount) : 0.0;
}

double ndcgCut(const std::vector<RankedRelevant>& retrieved, const std::vector<int>& idealGrades,
               std::size_t cutoff) {
    double dcg = 0.0;
    for (const RankedRelevant& hit : retrieved) {
        if (hit.rank > cutoff) break;
        const double gain = hit.grade;
        if (gain > 0) dcg += gain / std::log2(static_cast<double>(hit.rank + 1));
    }
    double ideal = 0.0;
    for (std::size_t i = 0; i < idealGrades.size() && i < cutoff; ++i) {
        const double gain = idealGrades[i];
        ideal += gain / std::log2(static_cast<double>(i + 2));
    }
    return ideal > 0.0 ? dcg / ideal : dcg;
}

}  // namespace

std::string_view trecName(Metric metric) {
    switch (metric) {
        case Metric::Map:
            return "map";
        case Metric::RecipRank:
            return "recip_rank";
        case Metric::Recall1:
            return "recall_1";
        case Metric::Recall10:
            return "recall_10";
        case Metric::Recall100:
            return "recall_100";
        case Metric::P1:
            return "P_1";
        case Metric::NdcgCut10:
            return "ndcg_cut_10";
    }
    return "";
}

std::optional<Metric> metricFromTrecName(std::string_view name) {
    for (Metric metric : kAllMetrics)
        if (trecName(metric) == name) return metric;
    return std::nullopt;
}

std::string_view settingName(Setting setting) {
    switch (setting) {
        case Setting::Mo:
            return "Mo";
        case Setting::Cr:
            return "Cr";
        case Setting::Mul:
            return "Mul";
    }
    return "";
}

MetricValues computeMetrics(const std::vector<RankedRelevant>& retrieved,
                            const std::vector<int>& idealGrades) {
    const std::size_t relevantCount = idealGrades.size();
    const double r = static_cast<double>(relevantCount);
    MetricValues values{};
    values[metricIndex(Metric::Map)] = averagePrecision(retrieved, relevantCount);
    if (!retrieved.empty())
        values[metricIndex(Metric::RecipRank)] = 1.0 / static_cast<double>(retrieved.front().rank);
    if (relevantCount > 0) {
        values[metricIndex(Metric::Recall1)] = relevantInTop(retrieved, 1) / r;
        values[metricIndex(Metric::Recall10)] = relevantInTop(retrieved, 10) / r;
        values[metricIndex(Metric::Recall100)] = relevantInTop(retrieved, 100) / r;
    }
    values[metricIndex(Metric::P1)] = relevantInTop(retrieved, 1) / 1.0;
    values[metricIndex(Metric::NdcgCut10)] = ndcgCut(retrieved, idealGrades, kNdcgCutoff);
    return values;
}

void accumulate(MetricValues& sum, const MetricValues& values) {
    for (std::size_t i = 0; i < kMetricCount; ++i) sum[i] += values[i];
}

MetricValues divided(const MetricValues& sum, std::size_t count) {
    MetricValues mean{};
    if (count == 0) return mean;
    for (std::size_t i = 0; i < kMetricCount; ++i) mean[i] = sum[i] / static_cast<double>(count);
    return mean;
}

}  // namespace mtrec::eval
