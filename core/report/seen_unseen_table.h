#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/result.h"
#include "report/seen_unseen.h"
#include "report/table_format.h"
#include "store/result_repository.h"
#include "store/run_record.h"

namespace mtrec::report {

/// The training languages of runs by id (experiment::trainingLanguages); a run absent or with
/// none has no seen/unseen split.
using TrainingLanguagesByRun = std::map<std::int64_t, std::vector<std::string>>;

/// The value of `setting` in `scores` when `measure` is the summary's metric (Mo, Cr, Mul) or the
/// rank distance (Mul); empty for any other measure.
SetMean setMeanOf(const LanguageSetScores& scores, const SeenUnseenSummary& summary,
                  eval::Setting setting, store::Measure measure);

/// The mean with `digits` decimals ("0.2530"), or "-" for an empty mean.
std::string setMeanText(const SetMean& mean, int digits = 4);

/// A run's summary as rows all / seen / unseen / mixed and columns Mo, Cr, Mul (of its metric) and
/// rank distance, with the languages of each set; mixed has Cr only. A run without training
/// languages shows "-" beside "all" and says why in the note.
Table seenUnseenTable(const SeenUnseenSummary& summary);

/// The summaries of each listed run's suites (those of its listing), for `metric` (a trec_eval
/// metric; any other measure reads mAP, whose rank distance is the same). One vector per run, in
/// `runs` order. Errors are the store's.
Result<std::vector<std::vector<SeenUnseenSummary>>> readListedSummaries(
    store::ResultRepository& results, const std::vector<store::RunListing>& runs,
    const TrainingLanguagesByRun& trainingLanguages, store::Measure metric);

/// Appends to a run list's table (summaryTable, runListTable: one row per run, in `perRun`
/// order), per suite of its Cr and Mul columns, "<suite> Cr seen", "<suite> Cr unseen",
/// "<suite> Mul seen" and "<suite> Mul unseen" of `metric`; "-" where a run has no split. Appends
/// nothing when no run has training languages.
void appendSeenUnseenColumns(Table& table, const std::vector<store::RunListing>& runs,
                             const std::vector<std::vector<SeenUnseenSummary>>& perRun,
                             store::Measure metric);

}  // namespace mtrec::report
