#include "store/eval_cell.h"

namespace mtrec::store {

namespace {

constexpr std::array<std::string_view, 3> kBiasNames = {"mul_mean_rank", "mul_top10_share",
                                                        "rank_distance"};

}  // namespace

std::optional<eval::Setting> settingFromName(std::string_view name) {
    for (eval::Setting setting : {eval::Setting::Mo, eval::Setting::Cr, eval::Setting::Mul})
        if (eval::settingName(setting) == name) return setting;
    return std::nullopt;
}

std::optional<eval::Metric> Measure::metric() const {
    if (index_ >= static_cast<int>(eval::kMetricCount)) return std::nullopt;
    return static_cast<eval::Metric>(index_);
}

std::optional<BiasMeasure> Measure::bias() const {
    if (index_ < static_cast<int>(eval::kMetricCount)) return std::nullopt;
    return static_cast<BiasMeasure>(index_ - static_cast<int>(eval::kMetricCount));
}

std::string_view measureName(Measure measure) {
    if (std::optional<eval::Metric> metric = measure.metric()) return eval::trecName(*metric);
    return kBiasNames[static_cast<std::size_t>(*measure.bias())];
}

std::optional<Measure> measureFromName(std::string_view name) {
    if (std::optional<eval::Metric> metric = eval::metricFromTrecName(name)) return *metric;
    for (std::size_t i = 0; i < kBiasNames.size(); ++i)
        if (kBiasNames[i] == name) return Measure(static_cast<BiasMeasure>(i));
    return std::nullopt;
}

}  // namespace mtrec::store
