#include "eval/display_names.h"

namespace mtrec::eval {
namespace {

/// In the order of kAllMetrics (metricIndex).
constexpr std::string_view kMetricNames[kMetricCount] = {"mAP",   "MRR", "R@1",    "R@10",
                                                         "R@100", "P@1", "nDCG@10"};
/// In the order of the Setting values.
constexpr std::string_view kSettingNames[] = {"Monolingual (Mo)", "Cross-lingual (Cr)",
                                              "Multilingual pool (Mul)"};

}  // namespace

std::string_view displayName(Metric metric) {
    return kMetricNames[metricIndex(metric)];
}

std::string_view displayName(Setting setting) {
    return kSettingNames[static_cast<std::size_t>(setting)];
}

}  // namespace mtrec::eval
