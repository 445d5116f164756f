#include "step_profile.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <torch/csrc/autograd/profiler_legacy.h>

namespace mtrec::bench {

namespace {

using torch::autograd::profiler::LegacyEvent;

struct OpTotals {
    int calls = 0;
    double totalUs = 0.0;
    double selfUs = 0.0;
};

struct Open {
    const LegacyEvent* push;
    double childrenUs;
};

/// Pairs push/pop events per thread (they nest) into inclusive and self times per op name.
std::map<std::string, OpTotals> aggregate(
    const torch::autograd::profiler::thread_event_lists& lists) {
    std::map<std::string, OpTotals> totals;
    for (const auto& events : lists) {
        std::vector<Open> stack;
        for (const LegacyEvent& event : events) {
            const std::string kind = event.kindStr();
            if (kind == "push") {
                stack.push_back({&event, 0.0});
            } else if (kind == "pop" && !stack.empty()) {
                const Open open = stack.back();
                stack.pop_back();
                const double us = open.push->cpuElapsedUs(event);
                OpTotals& op = totals[open.push->name()];
                ++op.calls;
                op.totalUs += us;
                op.selfUs += us - open.childrenUs;
                if (!stack.empty()) stack.back().childrenUs += us;
            }
        }
    }
    return totals;
}

}  // namespace

void printStepProfile(const std::function<void()>& work, int top) {
    torch::profiler::impl::ProfilerConfig config(torch::profiler::impl::ProfilerState::CPU);
    torch::autograd::profiler::enableProfilerLegacy(config);
    work();
    const auto totals = aggregate(torch::autograd::profiler::disableProfilerLegacy());

    std::vector<std::pair<std::string, OpTotals>> ops(totals.begin(), totals.end());
    double selfSum = 0.0;
    for (const auto& op : ops) selfSum += op.second.selfUs;
    std::sort(ops.begin(), ops.end(),
              [](const auto& a, const auto& b) { return a.second.selfUs > b.second.selfUs; });
    std::printf("profile: %-44s %7s %11s %7s %11s\n", "op (by self CPU time)", "calls", "self ms",
                "self %", "total ms");
    for (int i = 0; i < top && i < static_cast<int>(ops.size()); ++i)
        std::printf("profile: %-44s %7d %11.1f %6.1f%% %11.1f\n", ops[i].first.c_str(),
                    ops[i].second.calls, ops[i].second.selfUs / 1e3,
                    100.0 * ops[i].second.selfUs / selfSum, ops[i].second.totalUs / 1e3);
    for (const char* scope : {"forward_loss", "backward", "clip_grad_norm", "adamw_step"}) {
        const auto found = totals.find(scope);
        if (found != totals.end())
            std::printf("profile: scope %-20s %11.1f ms total\n", scope,
                        found->second.totalUs / 1e3);
    }
    std::printf("profile: self time of all ops %.1f ms\n", selfSum / 1e3);
}

}  // namespace mtrec::bench
