#include "train/sampler_random.h"

#include <numeric>
#include <sstream>
#include <stdexcept>

namespace mtrec::train {

std::size_t SamplerRandom::index(std::size_t n) {
    if (n == 0) throw std::invalid_argument("SamplerRandom::index: n must be > 0");
    const std::uint64_t range = n;
    const std::uint64_t limit = std::mt19937_64::max() - std::mt19937_64::max() % range;
    std::uint64_t bits = engine_();
    while (bits >= limit) bits = engine_();
    return static_cast<std::size_t>(bits % range);
}

double SamplerRandom::unit() {
    return static_cast<double>(engine_() >> 11) * 0x1.0p-53;
}

std::size_t SamplerRandom::weighted(const std::vector<double>& weights) {
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    if (weights.empty() || !(total > 0.0))
        throw std::invalid_argument("SamplerRandom::weighted: weights must not all be zero");
    const double target = unit() * total;
    double sum = 0.0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        sum += weights[i];
        if (target < sum) return i;
    }
    // Rounding left target at the very top: the last index with a weight.
    for (std::size_t i = weights.size(); i-- > 0;)
        if (weights[i] > 0.0) return i;
    return weights.size() - 1;
}

void SamplerRandom::shuffle(std::vector<std::uint32_t>& values) {
    for (std::size_t i = values.size(); i > 1; --i) std::swap(values[i - 1], values[index(i)]);
}

std::string SamplerRandom::state() const {
    std::ostringstream out;
    out << engine_;
    return out.str();
}

void SamplerRandom::restore(const std::string& state) {
    std::istringstream in(state);
    std::mt19937_64 engine;
    in >> engine;
    if (in.fail()) throw std::invalid_argument("sampler state: not a random engine state");
    engine_ = engine;
}

std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ull * (stream + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

}  // namespace mtrec::train
