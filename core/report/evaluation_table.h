#pragma once

#include <string>

#include "eval/suite_evaluation.h"

namespace mtrec::report {

/// A plain-text summary of one suite's evaluation for a terminal: one row per setting (Mo, Cr, Mul),
/// one column per metric, then the language bias (mean rank distance) for parallel suites.
std::string formatEvaluationTable(const eval::SuiteEvaluation& evaluation);

}  // namespace mtrec::report
