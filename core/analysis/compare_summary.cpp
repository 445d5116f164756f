#include "analysis/compare_summary.h"

#include <cmath>

#include "analysis/setting_comparison.h"
#include "common/thread_count.h"
#include "eval/parallel_for.h"

namespace mtrec::analysis {

Result<SidePerQuery> loadSidePerQuery(store::ResultRepository& results,
                                      const std::vector<std::int64_t>& runIds,
                                      const std::string& suite) {
    SidePerQuery side;
    side.runIds = runIds;
    for (store::Measure metric :
         {store::Measure(eval::Metric::Map), store::Measure(store::BiasMeasure::RankDistance)}) {
        Result<std::vector<PerQueryByCell>> runs = loadPerQuery(results, runIds, suite, metric);
        if (!runs) return runs.error();
        if (metric == store::Measure(eval::Metric::Map))
            side.averagePrecision = sideTablesOf(std::move(runs).value());
        else
            side.rankDistance = meanOverRuns(runs.value());
    }
    return side;
}

namespace {

/// A run's value of one summary column: its stored summary cell, or over a subset the mean of the
/// cells the subset holds; NaN when it has none.
double columnValue(const std::vector<store::EvalCell>& matrix, const std::string& suite,
                   const SummaryColumn& column, const LanguageSubset& languages) {
    double sum = 0.0;
    std::size_t cells = 0;
    for (const store::EvalCell& cell : matrix) {
        if (cell.key.suite != suite || cell.key.setting != column.setting ||
            cell.metric != column.metric)
            continue;
        const bool counted = languages.isAll() ? cell.key.isSummary() : languages.holds(cell.key);
        if (!counted) continue;
        sum += cell.value;
        ++cells;
    }
    return cells == 0 ? NAN : sum / static_cast<double>(cells);
}

}  // namespace

std::array<SummaryEntry, kSummaryColumns.size()> storedSummary(
    const std::vector<std::vector<store::EvalCell>>& matrices, const std::string& suite,
    const LanguageSubset& languages) {
    std::array<SummaryEntry, kSummaryColumns.size()> entries;
    for (std::size_t c = 0; c < kSummaryColumns.size(); ++c) {
        std::vector<double> samples;
        for (const std::vector<store::EvalCell>& matrix : matrices) {
            const double value = columnValue(matrix, suite, kSummaryColumns[c], languages);
            entries[c].perRun.push_back(value);
            if (!std::isnan(value)) samples.push_back(value);
        }
        entries[c].runs = samples.size();
        if (!samples.empty()) entries[c].value = meanAndStd(samples);
    }
    return entries;
}

namespace {

std::vector<double> finiteValues(const std::vector<double>& values) {
    std::vector<double> out;
    for (double v : values)
        if (std::isfinite(v)) out.push_back(v);
    return out;
}

}  // namespace

void testAgainstReference(CompareSummary& summary, const std::vector<SidePerQuery>& perQuery,
                          const ComparisonOptions& options) {
    std::vector<std::pair<std::size_t, std::size_t>> tests;  // (side, column)
    for (std::size_t s = 1; s < summary.sides.size() && s < perQuery.size(); ++s)
        for (std::size_t c = 0; c < kSummaryColumns.size(); ++c) tests.emplace_back(s, c);
    // Independent tests, each writing its own entry: on every core, same result for any count.
    const int threads = threadCountOrAllCores(options.threads);
    eval::parallelFor(tests.size(), threads, 1, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            const auto [s, c] = tests[i];
            ComparisonOptions column = options;
            column.metric = kSummaryColumns[c].metric;
            auto& test = summary.sides[s].entries[c].vsReference;
            test = compareSetting(perQuery[s].of(column.metric), perQuery[0].of(column.metric),
                                  summary.suite, kSummaryColumns[c].setting, column,
                                  summary.languages);
            if (test)
                test->seeds = seedLevelTest(finiteValues(summary.sides[s].entries[c].perRun),
                                            finiteValues(summary.sides[0].entries[c].perRun));
        }
    });
    std::vector<CellComparison*> family;
    for (const auto& [s, c] : tests)
        if (auto& test = summary.sides[s].entries[c].vsReference) family.push_back(&*test);
    holmCorrect(family);
    summary.tests = family.size();
}

Result<CompareSummary> summarizeSides(store::ResultRepository& results,
                                      const std::vector<SidePerQuery>& sides,
                                      const std::string& suite, const ComparisonOptions& options,
                                      const LanguageSubset& languages) {
    if (sides.empty()) return Error{"a comparison summary needs at least one side"};
    CompareSummary summary;
    summary.suite = suite;
    summary.languages = languages;
    for (const SidePerQuery& side : sides) {
        std::vector<std::vector<store::EvalCell>> matrices;
        for (std::int64_t runId : side.runIds) {
            Result<std::vector<store::EvalCell>> matrix = results.matrix(runId, suite);
            if (!matrix) return matrix.error();
            matrices.push_back(std::move(matrix).value());
        }
        summary.sides.push_back({side.runIds, storedSummary(matrices, suite, languages)});
    }
    testAgainstReference(summary, sides, options);
    return summary;
}

}  // namespace mtrec::analysis
