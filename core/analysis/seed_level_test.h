#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

namespace mtrec::analysis {

/// Welch's unequal-variance t-test of two independent samples: t = (mean a − mean b) / sqrt(s²a/na
/// + s²b/nb) with sample variances (n − 1 in the denominator) and Welch–Satterthwaite degrees of
/// freedom. Exact when both samples are normal; with 2 or 3 values a side df is between 1 and 4,
/// so only large t are significant (df = 2 needs |t| > 4.30 for p < 0.05). When both variances are
/// 0, p is 1 for equal means and 0 otherwise (df NaN). Needs 2 or more values a side (else
/// std::invalid_argument).
struct WelchTest {
    double meanA = 0.0;
    double meanB = 0.0;
    double diff = 0.0;  ///< meanA − meanB
    double t = 0.0;
    double df = NAN;
    double p = 1.0;  ///< two-sided
};
WelchTest welchTTest(const std::vector<double>& a, const std::vector<double>& b);

/// The smallest two-sided p an exact permutation test of |mean a − mean b| over the C(na + nb, na)
/// splits of na + nb seeds can give: 2 / C for na = nb (a split and its mirror tie), 1 / C
/// otherwise. 3 vs 3 seeds: 2 / 20 = 0.1, so such a test can never reach p < 0.05 — the reason
/// the seed level uses Welch's t-test instead.
double smallestPermutationP(std::size_t na, std::size_t nb);

/// The seed level of one comparison: one value per run of each side (the run's own mean, e.g. its
/// mAP of a cell over the queries the query level tests) and Welch's t-test of A's values against
/// B's. It asks whether retraining with new seeds would keep the difference; the query level
/// (paired tests on the per-query means over seeds) asks only whether new queries would, for these
/// trained models. Untested (p NaN) while a side has fewer than 2 runs.
struct SeedLevel {
    std::vector<double> valuesA;  ///< one per run of A, in the side's run order
    std::vector<double> valuesB;
    double df = NAN;     ///< Welch–Satterthwaite
    double p = NAN;      ///< two-sided Welch p, uncorrected; NaN when untested
    double pHolm = NAN;  ///< Holm–Bonferroni over the tested seed levels of the caller's family

    bool tested() const { return !std::isnan(p); }
};

/// Welch's t-test of the per-run values, when both sides have 2 or more; otherwise only the values.
SeedLevel seedLevelTest(std::vector<double> valuesA, std::vector<double> valuesB);

/// Sets pHolm of the tested members of `family` by Holm–Bonferroni across those (an untested one
/// keeps NaN and does not count in the family's size).
void holmCorrectSeedLevel(const std::vector<SeedLevel*>& family);

}  // namespace mtrec::analysis
