#include "analysis/run_comparison.h"

#include <atomic>
#include <cmath>
#include <set>
#include <thread>
#include <unordered_map>

#include "analysis/significance.h"
#include "common/thread_count.h"
#include "eval/parallel_for.h"

namespace mtrec::analysis {

PerQueryByCell meanOverRuns(const std::vector<PerQueryByCell>& runs) {
    PerQueryByCell out;
    if (runs.empty()) return out;
    if (runs.size() == 1) return runs.front();
    for (const auto& [key, first] : runs.front()) {
        std::map<std::string, std::pair<double, std::size_t>>
            sums;  // qid -> (sum, runs holding it)
        for (const store::QueryValue& v : first) sums[v.qid] = {v.value, 1};
        bool everywhere = true;
        for (std::size_t r = 1; r < runs.size() && everywhere; ++r) {
            auto it = runs[r].find(key);
            if (it == runs[r].end()) {
                everywhere = false;
                break;
            }
            for (const store::QueryValue& v : it->second)
                if (auto s = sums.find(v.qid); s != sums.end()) {
                    s->second.first += v.value;
                    ++s->second.second;
                }
        }
        if (!everywhere) continue;
        std::vector<store::QueryValue>& values = out[key];
        for (const auto& [qid, sum] : sums)
            if (sum.second == runs.size())
                values.push_back({qid, sum.first / static_cast<double>(runs.size())});
    }
    return out;
}

namespace {

/// Pairs two cells' values by qid (both sorted by qid or not; the result follows a's order).
void pairByQid(const std::vector<store::QueryValue>& a, const std::vector<store::QueryValue>& b,
               std::vector<double>& outA, std::vector<double>& outB) {
    std::unordered_map<std::string, double> lookup;
    lookup.reserve(b.size());
    for (const store::QueryValue& v : b) lookup.emplace(v.qid, v.value);
    for (const store::QueryValue& v : a)
        if (auto it = lookup.find(v.qid); it != lookup.end()) {
            outA.push_back(v.value);
            outB.push_back(it->second);
        }
}

}  // namespace

CellComparison comparePaired(const store::CellKey& key, const std::vector<double>& valuesA,
                             const std::vector<double>& valuesB, const ComparisonOptions& options) {
    const PairedTest t = pairedTTest(valuesA, valuesB);
    const PairedTest r =
        pairedRandomizationTest(valuesA, valuesB, options.permutations, options.seed);
    CellComparison cell;
    cell.key = key;
    cell.metric = options.metric;
    cell.queries = valuesA.size();
    cell.meanA = t.meanA;
    cell.meanB = t.meanB;
    cell.diff = t.meanDiff;
    cell.pTTest = t.p;
    cell.pRandomization = r.p;
    return cell;
}

void holmCorrect(const std::vector<CellComparison*>& family) {
    std::vector<double> pR, pT;
    std::vector<SeedLevel*> seeds;
    for (CellComparison* test : family) {
        pR.push_back(test->pRandomization);
        pT.push_back(test->pTTest);
        seeds.push_back(&test->seeds);
    }
    holmCorrectSeedLevel(seeds);
    const std::vector<double> holmR = holmBonferroni(pR);
    const std::vector<double> holmT = holmBonferroni(pT);
    for (std::size_t i = 0; i < family.size(); ++i) {
        family[i]->pRandomizationHolm = holmR[i];
        family[i]->pTTestHolm = holmT[i];
    }
}

Comparison compareCells(const PerQueryByCell& a, const PerQueryByCell& b,
                        const ComparisonOptions& options) {
    return compareCells(a, b, options, {}, CancelToken()).value();
}

Result<Comparison> compareCells(const PerQueryByCell& a, const PerQueryByCell& b,
                                const ComparisonOptions& options, const ProgressSink& progress,
                                const CancelToken& cancel) {
    Comparison comparison;
    comparison.metric = options.metric;
    std::set<store::CellKey> keys;
    for (const auto& entry : a) keys.insert(entry.first);
    for (const auto& entry : b) keys.insert(entry.first);

    struct PairedCell {
        store::CellKey key;
        std::vector<double> valuesA, valuesB;
    };
    std::vector<PairedCell> paired;
    for (const store::CellKey& key : keys) {
        if (key.isSummary() && !options.includeSummaries) continue;
        auto inA = a.find(key);
        auto inB = b.find(key);
        PairedCell cell{key, {}, {}};
        if (inA != a.end() && inB != b.end())
            pairByQid(inA->second, inB->second, cell.valuesA, cell.valuesB);
        if (cell.valuesA.size() < 2)
            comparison.skipped.push_back(key);
        else
            paired.push_back(std::move(cell));
    }

    // The cells' tests are independent: they run on every core, each writing its own slot, so the
    // result does not depend on the thread count. Progress is reported from the calling thread.
    comparison.cells.resize(paired.size());
    std::atomic<std::size_t> done{0};
    const std::thread::id caller = std::this_thread::get_id();
    Progress report;
    report.phase = Phase::Comparing;
    report.total = paired.size();
    const int threads = threadCountOrAllCores(options.threads);
    eval::parallelFor(paired.size(), threads, 1, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end && !cancel.cancelled(); ++i) {
            comparison.cells[i] =
                comparePaired(paired[i].key, paired[i].valuesA, paired[i].valuesB, options);
            const std::size_t finished = ++done;
            if (std::this_thread::get_id() != caller) continue;
            Progress now = report;
            now.done = finished;
            notify(progress, now);
        }
    });
    if (cancel.cancelled()) return Error{"cancelled"};
    std::vector<CellComparison*> family;
    for (CellComparison& cell : comparison.cells) family.push_back(&cell);
    holmCorrect(family);
    return comparison;
}

SideTables sideTablesOf(std::vector<PerQueryByCell> runs) {
    SideTables side;
    side.mean = meanOverRuns(runs);
    side.runs = std::move(runs);
    return side;
}

namespace {

/// Each run's mean of `key` over the qids that every run of `runsA` and `runsB` holds there.
std::pair<std::vector<double>, std::vector<double>> perRunMeans(
    const store::CellKey& key, const std::vector<PerQueryByCell>& runsA,
    const std::vector<PerQueryByCell>& runsB) {
    std::vector<const std::vector<store::QueryValue>*> cells;
    for (const auto* side : {&runsA, &runsB})
        for (const PerQueryByCell& run : *side) {
            const auto it = run.find(key);
            if (it == run.end()) return {};
            cells.push_back(&it->second);
        }
    std::unordered_map<std::string, std::size_t> holders;  // qid -> runs holding it
    for (const auto* values : cells)
        for (const store::QueryValue& v : *values) ++holders[v.qid];
    std::vector<double> means;
    for (const auto* values : cells) {
        double sum = 0.0;
        std::size_t n = 0;
        for (const store::QueryValue& v : *values) {
            if (holders[v.qid] != cells.size()) continue;
            sum += v.value;
            ++n;
        }
        means.push_back(n ? sum / static_cast<double>(n) : NAN);
    }
    std::vector<double> meansB(means.begin() + std::ptrdiff_t(runsA.size()), means.end());
    means.resize(runsA.size());
    return {means, meansB};
}

}  // namespace

void addSeedLevel(Comparison& comparison, const std::vector<PerQueryByCell>& runsA,
                  const std::vector<PerQueryByCell>& runsB) {
    for (CellComparison& cell : comparison.cells) {
        auto [a, b] = perRunMeans(cell.key, runsA, runsB);
        cell.seeds = seedLevelTest(std::move(a), std::move(b));
    }
}

Result<Comparison> compareGroups(const SideTables& a, const SideTables& b,
                                 const ComparisonOptions& options, const ProgressSink& progress,
                                 const CancelToken& cancel) {
    Result<Comparison> compared = compareCells(a.mean, b.mean, options, progress, cancel);
    if (!compared) return compared.error();
    Comparison& comparison = compared.value();
    addSeedLevel(comparison, a.runs, b.runs);
    std::vector<CellComparison*> family;
    for (CellComparison& cell : comparison.cells) family.push_back(&cell);
    holmCorrect(family);
    return compared;
}

Result<std::vector<PerQueryByCell>> loadPerQuery(store::ResultRepository& results,
                                                 const std::vector<std::int64_t>& runIds,
                                                 const std::string& suite, store::Measure metric) {
    std::vector<PerQueryByCell> runs;
    for (std::int64_t runId : runIds) {
        Result<std::vector<store::PerQueryValue>> values =
            results.allPerQuery(runId, suite, metric);
        if (!values) return values.error();
        PerQueryByCell cells;
        for (store::PerQueryValue& v : values.value())
            cells[v.key].push_back({std::move(v.qid), v.value});
        runs.push_back(std::move(cells));
    }
    return runs;
}

namespace {

Result<SideTables> loadGroup(store::ResultRepository& results,
                             const std::vector<std::int64_t>& group,
                             const ComparisonOptions& options) {
    Result<std::vector<PerQueryByCell>> runs =
        loadPerQuery(results, group, options.suite, options.metric);
    if (!runs) return runs.error();
    for (std::size_t i = 0; i < group.size(); ++i)
        if (runs.value()[i].empty())
            return Error{"run " + std::to_string(group[i]) + " has no per-query " +
                         std::string(store::measureName(options.metric)) + " values" +
                         (options.suite.empty() ? "" : " for suite " + options.suite) +
                         " to compare"};
    return sideTablesOf(std::move(runs).value());
}

}  // namespace

Result<Comparison> compareRuns(store::ResultRepository& results,
                               const std::vector<std::int64_t>& groupA,
                               const std::vector<std::int64_t>& groupB,
                               const ComparisonOptions& options, const ProgressSink& progress,
                               const CancelToken& cancel) {
    if (groupA.empty() || groupB.empty())
        return Error{"a comparison needs at least one run on each side"};
    Result<SideTables> a = loadGroup(results, groupA, options);
    if (!a) return a.error();
    Result<SideTables> b = loadGroup(results, groupB, options);
    if (!b) return b.error();
    Result<Comparison> compared = compareGroups(a.value(), b.value(), options, progress, cancel);
    if (!compared) return compared.error();
    Comparison& comparison = compared.value();
    comparison.groupA = groupA;
    comparison.groupB = groupB;
    return comparison;
}

SignificanceSummary summarizeSignificance(const Comparison& comparison, double alpha) {
    SignificanceSummary summary;
    summary.alpha = alpha;
    summary.compared = comparison.cells.size();
    summary.skipped = comparison.skipped.size();
    summary.seedsA = comparison.groupA.size();
    summary.seedsB = comparison.groupB.size();
    for (const CellComparison& cell : comparison.cells) {
        summary.significant += cell.pRandomizationHolm < alpha;
        summary.seedTested += cell.seeds.tested();
        summary.seedSignificant += cell.seeds.tested() && cell.seeds.pHolm < alpha;
    }
    return summary;
}

}  // namespace mtrec::analysis
