#include "analysis/seed_level_test.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "analysis/seed_groups.h"
#include "analysis/significance.h"

namespace mtrec::analysis {

WelchTest welchTTest(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() < 2 || b.size() < 2)
        throw std::invalid_argument("Welch's t-test needs at least 2 values a side (got " +
                                    std::to_string(a.size()) + " and " + std::to_string(b.size()) +
                                    ")");
    const MeanStd sa = meanAndStd(a);
    const MeanStd sb = meanAndStd(b);
    WelchTest out;
    out.meanA = sa.mean;
    out.meanB = sb.mean;
    out.diff = sa.mean - sb.mean;
    const double errorA = sa.std * sa.std / static_cast<double>(a.size());  // squared std errors
    const double errorB = sb.std * sb.std / static_cast<double>(b.size());
    const double error = errorA + errorB;
    const double scale = std::max(1.0, std::fabs(out.diff));
    if (std::sqrt(error) <= 1e-15 * scale) {  // no spread on either side to test against
        out.t = out.diff == 0.0 ? 0.0 : std::copysign(INFINITY, out.diff);
        out.p = out.diff == 0.0 ? 1.0 : 0.0;
        return out;
    }
    out.t = out.diff / std::sqrt(error);
    out.df = error * error /
             (errorA * errorA / static_cast<double>(a.size() - 1) +
              errorB * errorB / static_cast<double>(b.size() - 1));
    out.p = studentTwoSidedP(out.t, out.df);
    return out;
}

double smallestPermutationP(std::size_t na, std::size_t nb) {
    double splits = 1.0;  // C(na + nb, na), built up as a product of exact ratios
    for (std::size_t i = 1; i <= na; ++i)
        splits = splits * static_cast<double>(nb + i) / static_cast<double>(i);
    return (na == nb ? 2.0 : 1.0) / splits;
}

SeedLevel seedLevelTest(std::vector<double> valuesA, std::vector<double> valuesB) {
    SeedLevel out;
    out.valuesA = std::move(valuesA);
    out.valuesB = std::move(valuesB);
    if (out.valuesA.size() < 2 || out.valuesB.size() < 2) return out;
    const WelchTest welch = welchTTest(out.valuesA, out.valuesB);
    out.df = welch.df;
    out.p = welch.p;
    return out;
}

void holmCorrectSeedLevel(const std::vector<SeedLevel*>& family) {
    std::vector<SeedLevel*> tested;
    std::vector<double> p;
    for (SeedLevel* level : family)
        if (level->tested()) {
            tested.push_back(level);
            p.push_back(level->p);
        }
    const std::vector<double> adjusted = holmBonferroni(p);
    for (std::size_t i = 0; i < tested.size(); ++i) tested[i]->pHolm = adjusted[i];
}

}  // namespace mtrec::analysis
