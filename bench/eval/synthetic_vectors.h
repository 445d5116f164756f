#pragma once

// Random unit vectors and process memory figures for the corpus-search benchmarks (no project
// dependency, so the FAISS benchmark can use it too).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace mtrec::bench {

/// Fast, reproducible uniform floats in [-1, 1) (splitmix64): a million 768-d vectors in seconds.
class Uniform {
public:
    explicit Uniform(std::uint64_t seed) : state_(seed) {}
    float operator()() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        z ^= z >> 31;
        return static_cast<float>(z >> 40) * (2.0f / 16777216.0f) - 1.0f;
    }

private:
    std::uint64_t state_;
};

inline void normalise(float* row, std::size_t dimension) {
    double norm = 0;
    for (std::size_t i = 0; i < dimension; ++i) norm += static_cast<double>(row[i]) * row[i];
    const float scale = static_cast<float>(1.0 / std::sqrt(norm));
    for (std::size_t i = 0; i < dimension; ++i) row[i] *= scale;
}

/// `rows` unit vectors of `dimension` floats, row-major: uniform in [-1, 1)^d, normalised.
inline std::vector<float> unitVectors(std::size_t rows, std::size_t dimension, Uniform& uniform) {
    std::vector<float> values(rows * dimension);
    for (float& v : values) v = uniform();
    for (std::size_t r = 0; r < rows; ++r) normalise(&values[r * dimension], dimension);
    return values;
}

/// Queries near candidates: row q is candidate answers[q] plus `noise` x uniform, normalised.
inline std::vector<float> queriesNear(const std::vector<float>& candidates,
                                      const std::vector<std::size_t>& answers,
                                      std::size_t dimension, float noise, Uniform& uniform) {
    std::vector<float> values(answers.size() * dimension);
    for (std::size_t q = 0; q < answers.size(); ++q) {
        float* row = &values[q * dimension];
        for (std::size_t i = 0; i < dimension; ++i)
            row[i] = candidates[answers[q] * dimension + i] + noise * uniform();
        normalise(row, dimension);
    }
    return values;
}

/// Linux: resets the peak resident set size (VmHWM) to the current one, so the next peak read is
/// that of what runs in between.
inline void resetPeakRss() {
    std::ofstream("/proc/self/clear_refs") << "5";
}

/// A /proc/self/status field in MiB, e.g. "VmRSS" or "VmHWM" (0 when absent).
inline double statusMiB(const std::string& field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(field + ":", 0) == 0) return std::stod(line.substr(field.size() + 1)) / 1024;
    return 0;
}

}  // namespace mtrec::bench
