#pragma once

#include <QString>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/run_record.h"

namespace mtrec::store {
class ExperimentStore;
}

namespace mtrec::ui {

/// One run as the runs tree shows it: its record and the few values the tree derives from the
/// store and the stored config. A plain value, read on the GUI thread (see readRunRows).
struct RunRow {
    store::RunRecord run;
    std::string suite;  ///< the first suite evaluated (by name), which the metric cells show
    std::optional<double> moMap, crMap, mulMap;
    std::optional<double> rankDistance;  ///< rank_distance at (Mul, all, all) of `suite`
    /// Cr and Mul mAP of `suite` over the run's training languages and over the others
    /// (report::seenUnseenSummary); unset for a run without training languages or such cells.
    std::optional<double> crSeen, crUnseen, mulSeen, mulUnseen;
    QString alpha;                           ///< hybrid and mixed: "0.5" or "size"; else empty
    std::optional<std::int64_t> stepsDone;   ///< the highest step logged
    std::optional<std::int64_t> stepsTotal;  ///< optimizer.steps of the config
    QString latestNote;
    int noteCount = 0;
};

/// Every run of the store with its mAP summaries, mean rank distance, seen/unseen Cr and Mul,
/// logged steps and latest note, in id order. An Error (naming the database) when a read fails.
Result<std::vector<RunRow>> readRunRows(store::ExperimentStore& store);
/// The same, reading the steps, notes and seen/unseen values (three queries a run) again only for
/// the runs in `written` (the change log's ids since `previous` was read) and for runs `previous`
/// lacks.
Result<std::vector<RunRow>> readRunRows(store::ExperimentStore& store,
                                        const std::vector<RunRow>& previous,
                                        const std::vector<std::int64_t>& written);

}  // namespace mtrec::ui
