#include "analysis/significance.h"

#include <math.h>  // lgamma_r (POSIX)
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>

namespace mtrec::analysis {

namespace {

/// The continued fraction of I_x(a, b) (Numerical Recipes' betacf), evaluated by modified Lentz.
double betaContinuedFraction(double a, double b, double x) {
    constexpr int kMaxIterations = 10000;
    constexpr double kEpsilon = 1e-15;
    constexpr double kTiny = 1e-300;
    const double qab = a + b;
    const double qap = a + 1.0;
    const double qam = a - 1.0;
    double c = 1.0;
    double d = 1.0 - qab * x / qap;
    if (std::fabs(d) < kTiny) d = kTiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= kMaxIterations; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));  // even step
        d = 1.0 + aa * d;
        if (std::fabs(d) < kTiny) d = kTiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < kTiny) c = kTiny;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));  // odd step
        d = 1.0 + aa * d;
        if (std::fabs(d) < kTiny) d = kTiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < kTiny) c = kTiny;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < kEpsilon) return h;
    }
    throw std::runtime_error("incomplete beta did not converge for a=" + std::to_string(a) +
                             " b=" + std::to_string(b) + " x=" + std::to_string(x));
}

void requirePairs(const std::vector<double>& a, const std::vector<double>& b, std::size_t least) {
    if (a.size() != b.size())
        throw std::invalid_argument("paired test on samples of different sizes (" +
                                    std::to_string(a.size()) + " and " + std::to_string(b.size()) +
                                    ")");
    if (a.size() < least)
        throw std::invalid_argument("paired test needs at least " + std::to_string(least) +
                                    " pairs");
}

/// ln |Γ(x)|. std::lgamma stores the sign of Γ(x) in the global `signgam`, a data race when the
/// comparisons of several cells run on parallel threads (ThreadSanitizer reported it); lgamma_r
/// returns the sign in a local instead.
double logGamma(double x) {
    int sign = 0;
    return ::lgamma_r(x, &sign);
}

double mean(const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

}  // namespace

double regularizedIncompleteBeta(double a, double b, double x) {
    if (!(a > 0.0) || !(b > 0.0) || !(x >= 0.0) || !(x <= 1.0))
        throw std::invalid_argument("regularizedIncompleteBeta(a=" + std::to_string(a) +
                                    ", b=" + std::to_string(b) + ", x=" + std::to_string(x) +
                                    ") out of range");
    if (x == 0.0) return 0.0;
    if (x == 1.0) return 1.0;
    const double logFront =
        logGamma(a + b) - logGamma(a) - logGamma(b) + a * std::log(x) + b * std::log1p(-x);
    const double front = std::exp(logFront);
    if (x < (a + 1.0) / (a + b + 2.0)) return front * betaContinuedFraction(a, b, x) / a;
    return 1.0 - front * betaContinuedFraction(b, a, 1.0 - x) / b;
}

double studentTwoSidedP(double t, double df) {
    if (!(df > 0.0)) throw std::invalid_argument("Student's t needs df > 0");
    if (std::isinf(t)) return 0.0;
    return regularizedIncompleteBeta(df / 2.0, 0.5, df / (df + t * t));
}

PairedTest pairedTTest(const std::vector<double>& a, const std::vector<double>& b) {
    requirePairs(a, b, 2);
    const std::size_t n = a.size();
    std::vector<double> d(n);
    for (std::size_t i = 0; i < n; ++i) d[i] = a[i] - b[i];
    PairedTest result{n, mean(a), mean(b), mean(d), 0.0, 1.0};
    double squares = 0.0;
    for (double x : d) squares += (x - result.meanDiff) * (x - result.meanDiff);
    const double sd = std::sqrt(squares / static_cast<double>(n - 1));
    const double scale = std::max(1.0, std::fabs(result.meanDiff));
    if (sd <= 1e-15 * scale) {  // every difference equal: no spread to test against
        result.statistic = result.meanDiff == 0.0 ? 0.0 : std::copysign(INFINITY, result.meanDiff);
        result.p = result.meanDiff == 0.0 ? 1.0 : 0.0;
        return result;
    }
    result.statistic = result.meanDiff / (sd / std::sqrt(static_cast<double>(n)));
    result.p = studentTwoSidedP(result.statistic, static_cast<double>(n - 1));
    return result;
}

PairedTest pairedRandomizationTest(const std::vector<double>& a, const std::vector<double>& b,
                                   std::size_t permutations, std::uint64_t seed) {
    requirePairs(a, b, 1);
    const std::size_t n = a.size();
    std::vector<double> d(n);
    double absoluteSum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        d[i] = a[i] - b[i];
        absoluteSum += std::fabs(d[i]);
    }
    PairedTest result{n, mean(a), mean(b), mean(d), 0.0, 1.0};
    const double observed = std::fabs(std::accumulate(d.begin(), d.end(), 0.0));
    result.statistic = observed / static_cast<double>(n);
    // Sums equal up to rounding count as ties (>=), so identical runs give every permutation.
    const double threshold = observed - 1e-12 * std::max(1.0, absoluteSum);
    // Each group of 8 differences gets a table of its 256 signed sums, so one permutation costs n/8
    // lookups; byte g of the k-th random word picks the signs of group 8k + g (bit j flips d[8g +
    // j]).
    const std::size_t groups = (n + 7) / 8;
    std::vector<double> partial(groups * 256, 0.0);
    for (std::size_t g = 0; g < groups; ++g)
        for (unsigned mask = 0; mask < 256; ++mask) {
            double sum = 0.0;
            for (std::size_t j = 0; j < 8 && 8 * g + j < n; ++j)
                sum += ((mask >> j) & 1u) ? -d[8 * g + j] : d[8 * g + j];
            partial[g * 256 + mask] = sum;
        }
    std::mt19937_64 rng(seed);
    std::size_t atLeast = 0;
    for (std::size_t p = 0; p < permutations; ++p) {
        double sum = 0.0;
        std::uint64_t bits = 0;
        for (std::size_t g = 0; g < groups; ++g) {
            if (g % 8 == 0) bits = rng();
            sum += partial[g * 256 + ((bits >> (8 * (g % 8))) & 0xffu)];
        }
        if (std::fabs(sum) >= threshold) ++atLeast;
    }
    result.p = static_cast<double>(atLeast + 1) / static_cast<double>(permutations + 1);
    return result;
}

std::vector<double> holmBonferroni(const std::vector<double>& p) {
    const std::size_t m = p.size();
    std::vector<std::size_t> order(m);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t i, std::size_t j) { return p[i] < p[j]; });
    std::vector<double> adjusted(m);
    double running = 0.0;
    for (std::size_t rank = 0; rank < m; ++rank) {
        const double scaled = std::min(1.0, static_cast<double>(m - rank) * p[order[rank]]);
        running = std::max(running, scaled);
        adjusted[order[rank]] = running;
    }
    return adjusted;
}

}  // namespace mtrec::analysis
