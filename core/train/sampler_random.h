#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace mtrec::train {

/// The random source of a sampler: std::mt19937_64 with the draws written out here (the standard
/// leaves the output of its distributions and of std::shuffle to the library), so a seed gives the
/// same batches with every compiler, and a saved state() continues exactly. Not thread-safe.
class SamplerRandom {
public:
    explicit SamplerRandom(std::uint64_t seed) : engine_(seed) {}

    /// Uniform in [0, n) without modulo bias; n > 0.
    std::size_t index(std::size_t n);
    /// Uniform in [0, 1), 53 random bits.
    double unit();
    /// True with probability p (p <= 0: never; p >= 1: always).
    bool chance(double p) { return unit() < p; }
    /// An index drawn in proportion to `weights` (non-negative, not all zero).
    std::size_t weighted(const std::vector<double>& weights);
    /// Fisher-Yates shuffle.
    void shuffle(std::vector<std::uint32_t>& values);

    /// The engine's full state as text (std::mt19937_64's stream form), and back. restore() throws
    /// std::invalid_argument on text that is not such a state.
    std::string state() const;
    void restore(const std::string& state);

private:
    std::mt19937_64 engine_;
};

/// A seed for the `stream`-th part of a sampler (sub-samplers, tasks), derived from `seed` with
/// SplitMix64 so parts draw independent-looking sequences.
std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t stream);

}  // namespace mtrec::train
