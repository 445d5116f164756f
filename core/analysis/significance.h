#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mtrec::analysis {

/// The regularized incomplete beta function I_x(a, b) for a, b > 0 and 0 <= x <= 1, by its
/// continued fraction (modified Lentz), using the symmetry I_x(a,b) = 1 - I_{1-x}(b,a) where that
/// converges faster. Relative accuracy about 1e-13. Arguments out of range throw
/// std::invalid_argument.
double regularizedIncompleteBeta(double a, double b, double x);

/// Two-sided p-value of Student's t distribution: P(|T| >= |t|) with `df` > 0 degrees of freedom,
/// = I_{df/(df+t^2)}(df/2, 1/2).
double studentTwoSidedP(double t, double df);

/// The outcome of a paired test of a against b (value i of a paired with value i of b).
struct PairedTest {
    std::size_t n = 0;
    double meanA = 0.0;
    double meanB = 0.0;
    double meanDiff = 0.0;   ///< mean(a - b)
    double statistic = 0.0;  ///< t for the t-test; |mean difference| for the randomization test
    double p = 1.0;          ///< two-sided
};

/// Paired t-test on the differences d = a - b with n - 1 degrees of freedom. When every difference
/// is the same, p is 1 if it is 0 and 0 otherwise. Needs n >= 2 and equal sizes (else
/// std::invalid_argument).
PairedTest pairedTTest(const std::vector<double>& a, const std::vector<double>& b);

/// Paired randomization (sign-flip permutation) test: each permutation flips the sign of each
/// difference with probability 1/2 (bits of std::mt19937_64 seeded with `seed`, so the result is
/// the same on every platform; cost about n/8 table lookups per permutation); p = (count of
/// permutations with |mean| >= observed |mean| + 1) / (permutations + 1). Identical inputs give p
/// = 1. Needs n >= 1 and equal sizes.
PairedTest pairedRandomizationTest(const std::vector<double>& a, const std::vector<double>& b,
                                   std::size_t permutations = 10000, std::uint64_t seed = 42);

/// Holm–Bonferroni adjusted p-values, in the order given: the i-th smallest (0-based) p is
/// multiplied by (m - i), made monotone non-decreasing in that order, and capped at 1.
std::vector<double> holmBonferroni(const std::vector<double>& p);

}  // namespace mtrec::analysis
