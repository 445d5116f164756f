#pragma once

#include <sys/resource.h>

#include <chrono>
#include <cstdio>

#include "eval/suite_evaluation.h"

namespace mtrec::bench {

/// Peak resident set size of this process so far, in MiB (getrusage ru_maxrss is KiB on Linux).
inline double peakRssMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

/// User + system CPU seconds this process has used so far (all threads). Under a loaded machine
/// wall times inflate; CPU seconds much less.
inline double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

inline double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// Prints the macro summaries and the language bias of an evaluation, plainly.
inline void printSummary(const eval::SuiteEvaluation& evaluation) {
    std::printf("%-4s %6s", "set", "cells");
    for (eval::Metric metric : eval::kAllMetrics)
        std::printf(" %11s", std::string(eval::trecName(metric)).c_str());
    std::printf("\n");
    for (const eval::SettingSummary& summary : evaluation.summaries) {
        std::printf("%-4s %6zu", std::string(eval::settingName(summary.setting)).c_str(),
                    summary.cellCount);
        for (double value : summary.mean) std::printf(" %11.4f", value);
        std::printf("\n");
    }
    if (evaluation.bias)
        std::printf("language bias (mean rank distance over query languages): %.2f\n",
                    evaluation.bias->meanRankDistance);
}

}  // namespace mtrec::bench
