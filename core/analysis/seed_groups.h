#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/eval_cell.h"
#include "store/run_record.h"
#include "store/run_repository.h"

namespace mtrec::analysis {

/// The config with every key named "seed" removed (at any depth), as canonical JSON (keys sorted,
/// no spaces). Two runs are seed replicates when these are equal. Text that is not JSON is returned
/// as it is, so it only groups with an identical text.
std::string configWithoutSeed(const std::string& configJson);

/// Runs whose configs differ only in seed.
struct SeedGroup {
    std::string configKey;             ///< configWithoutSeed() of its runs
    std::vector<std::int64_t> runIds;  ///< in the order given
    std::vector<std::int64_t> seeds;   ///< parallel to runIds
};

/// Groups `runs` by configWithoutSeed; groups come in the order of their first run. A run alone in
/// its config is a group of one.
std::vector<SeedGroup> groupBySeed(const std::vector<store::RunRecord>& runs);

/// The seed group of a stored run: the ids of every run (itself included) whose config equals its
/// own once seeds are removed, in id order. An Error when the run is absent.
Result<std::vector<std::int64_t>> seedGroupOf(store::RunRepository& runs, std::int64_t runId);

/// Mean and sample standard deviation (n - 1 in the denominator; NaN when n < 2) of `samples`,
/// which must not be empty.
struct MeanStd {
    double mean = 0.0;
    double std = 0.0;
};
MeanStd meanAndStd(const std::vector<double>& samples);

/// Mean and sample standard deviation (n - 1 in the denominator) of one cell and metric over runs.
struct CellAggregate {
    store::CellKey key;
    store::Measure metric = eval::Metric::Map;
    std::size_t n = 0;  ///< runs holding the cell
    double mean = 0.0;
    double std = 0.0;            ///< NaN when n < 2
    std::vector<double> values;  ///< each holding run's value, in the order of the matrices
};

/// Aggregates the matrices of a group's runs cell by cell; a cell missing from some runs is
/// averaged over those that hold it. Ordered by key, then metric.
std::vector<CellAggregate> aggregateCells(
    const std::vector<std::vector<store::EvalCell>>& matrices);

}  // namespace mtrec::analysis
