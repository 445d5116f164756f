#include "store/eval_cell.h"

namespace mtrec::store {

namespace {

constexpr std::array<std::string_view, kBiasMeasureCount> kBiasNames = {
    "mul_mean_rank", "mul_top10_share", "rank_distance"};
constexpr std::array<std::string_view, kDiagnosticMeasures.size()> kDiagnosticNames = {
    "unk_share", "tied_relevant"};

constexpr int kFirstBias = static_cast<int>(eval::kMetricCount);
constexpr int kFirstDiagnostic = kFirstBias + static_cast<int>(kBiasMeasureCount);

}  // namespace

std::optional<eval::Setting> settingFromName(std::string_view name) {
    for (eval::Setting setting : {eval::Setting::Mo, eval::Setting::Cr, eval::Setting::Mul})
        if (eval::settingName(setting) == name) return setting;
    return std::nullopt;
}

std::optional<eval::Metric> Measure::metric() const {
    if (index_ >= kFirstBias) return std::nullopt;
    return static_cast<eval::Metric>(index_);
}

std::optional<BiasMeasure> Measure::bias() const {
    if (index_ < kFirstBias || index_ >= kFirstDiagnostic) return std::nullopt;
    return static_cast<BiasMeasure>(index_ - kFirstBias);
}

std::optional<DiagnosticMeasure> Measure::diagnostic() const {
    if (index_ < kFirstDiagnostic) return std::nullopt;
    return static_cast<DiagnosticMeasure>(index_ - kFirstDiagnostic);
}

std::string_view measureName(Measure measure) {
    if (std::optional<eval::Metric> metric = measure.metric()) return eval::trecName(*metric);
    if (std::optional<BiasMeasure> bias = measure.bias())
        return kBiasNames[static_cast<std::size_t>(*bias)];
    return kDiagnosticNames[static_cast<std::size_t>(*measure.diagnostic())];
}

std::optional<Measure> measureFromName(std::string_view name) {
    if (std::optional<eval::Metric> metric = eval::metricFromTrecName(name)) return *metric;
    for (std::size_t i = 0; i < kBiasNames.size(); ++i)
        if (kBiasNames[i] == name) return Measure(static_cast<BiasMeasure>(i));
    for (std::size_t i = 0; i < kDiagnosticNames.size(); ++i)
        if (kDiagnosticNames[i] == name) return Measure(static_cast<DiagnosticMeasure>(i));
    return std::nullopt;
}

}  // namespace mtrec::store
