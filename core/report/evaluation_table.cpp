#include "report/evaluation_table.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace mtrec::report {
namespace {

std::string fixed(double value, int width, int decimals) {
    char buffer[64];
    if (std::isnan(value))
        std::snprintf(buffer, sizeof buffer, "%*s", width, "-");
    else
        std::snprintf(buffer, sizeof buffer, "%*.*f", width, decimals, value);
    return buffer;
}

std::string padded(std::string_view text, std::size_t width) {
    std::string out(text);
    if (out.size() < width) out.insert(0, width - out.size(), ' ');
    return out;
}

}  // namespace

std::string formatEvaluationTable(const eval::SuiteEvaluation& evaluation) {
    constexpr std::size_t kColumn = 12;
    std::ostringstream out;
    out << evaluation.suite << " (" << evaluation.runId << ", " << evaluation.languages.size()
        << " languages)\n";
    out << "setting  cells";
    for (eval::Metric metric : eval::kAllMetrics) out << padded(eval::trecName(metric), kColumn);
    out << '\n';
    for (const auto& summary : evaluation.summaries) {
        out << padded(eval::settingName(summary.setting), 7) << padded(std::to_string(summary.cellCount), 7);
        for (double value : summary.mean) out << fixed(value, static_cast<int>(kColumn), 4);
        out << '\n';
    }
    if (evaluation.bias)
        out << "language bias (mean Mul rank distance): "
            << fixed(evaluation.bias->meanRankDistance, 0, 2) << '\n';
    return out.str();
}

}  // namespace mtrec::report
