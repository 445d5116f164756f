#pragma once

#include <CLI/CLI.hpp>

namespace mtrec::cli {

/// Registers `mtrec eval`: scores a benchmark suite with a scorer and writes stats.csv, summary.csv,
/// pairs.csv, per_query.csv, bias.csv (and with --trec the TREC qrels/runs) into --out.
void addEvalCommand(CLI::App& app);

}  // namespace mtrec::cli
