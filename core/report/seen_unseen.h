#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/eval_cell.h"
#include "store/result_repository.h"

namespace mtrec::report {

/// A mean over the stored cells of one language set; NaN when the set has no such cell.
struct SetMean {
    double value = NAN;
    std::size_t cells = 0;  ///< cells averaged
    bool empty() const { return cells == 0; }
};

/// Mo, Cr, Mul and rank distance over one set S of languages, each the same macro average the run's
/// overall setting summary is (DESIGN §3), restricted to S, so the sets compare with the overall.
struct LanguageSetScores {
    SetMean mo;            ///< mean of the Mo cells (X, X), X in S
    SetMean cr;            ///< mean of the Cr cells (X, Y != X), X and Y both in S
    SetMean mul;           ///< mean of the Mul cells (X, all), X in S
    SetMean rankDistance;  ///< mean of the rank distances at (Mul, X, all), X in S
};

/// A run's results of one suite over every language, over its training ("seen") languages and over
/// the others ("unseen"); Cr pairs with one seen and one unseen language form a third set, "mixed",
/// which seen and unseen both leave out.
struct SeenUnseenSummary {
    std::string suite;
    eval::Metric metric = eval::Metric::Map;  ///< of Mo, Cr and Mul
    /// False for a run with no training languages (untrained, BM25): seen, unseen and mixed are
    /// then empty and read as "-", whatever the suite holds.
    bool hasTrainingLanguages = false;
    std::vector<std::string> languages;  ///< the suite's query languages, sorted
    std::vector<std::string> seen;       ///< the suite's query languages the run trained on, sorted
    std::vector<std::string> unseen;     ///< the suite's other query languages, sorted
    LanguageSetScores overall;
    LanguageSetScores seenScores;
    LanguageSetScores unseenScores;
    SetMean mixedCr;  ///< Cr over the ordered pairs of one seen and one unseen language
};

/// The summary of `suite` among a run's stored cells (any order, any suites and measures; setting
/// summaries are ignored and recomputed from the cells). `trainingLanguages` may name languages the
/// suite lacks; empty = the run trained on none.
SeenUnseenSummary seenUnseenSummary(const std::vector<store::EvalCell>& cells,
                                    const std::string& suite,
                                    const std::vector<std::string>& trainingLanguages,
                                    eval::Metric metric = eval::Metric::Map);

/// The same from the store: reads the run's cells of `suite`. Errors are the store's.
Result<SeenUnseenSummary> readSeenUnseenSummary(store::ResultRepository& results,
                                                std::int64_t runId, const std::string& suite,
                                                const std::vector<std::string>& trainingLanguages,
                                                eval::Metric metric = eval::Metric::Map);

}  // namespace mtrec::report
