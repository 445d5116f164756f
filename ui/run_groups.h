#pragma once

#include <cstddef>
#include <vector>

#include "run_row.h"

namespace mtrec::ui {

/// The seed groups of the runs tree: indices into `rows`, one vector a group, groups in the order
/// of their first run. Runs group when analysis::groupBySeed puts them together (their configs
/// differ only in seed) and their strategy is the same; a run stored without a config ("{}" or
/// empty) says nothing of what it replicates and stays alone.
std::vector<std::vector<std::size_t>> seedGroupsOfRows(const std::vector<RunRow>& rows);

}  // namespace mtrec::ui
