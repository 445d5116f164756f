#pragma once

#include <QColor>
#include <QIcon>
#include <QString>
#include <cstdint>
#include <optional>

#include "store/run_record.h"

namespace mtrec::ui {

/// How the runs tree writes its cells: metric values, mean ± std, signed deltas, durations and
/// steps, and the colour of a status. Pure functions of their arguments.

/// A value with `decimals` decimals ("0.253").
QString valueText(double value, int decimals);
/// "0.253 ± 0.012"; only the mean when `std` is NaN (one run).
QString meanStdText(double mean, double std, int decimals);
/// A signed difference: "+0.052", "-0.013"; a difference that rounds to zero is "+0.000".
QString deltaText(double delta, int decimals);
/// "45 s", "2 m 10 s", "1 h 02 m", "3 d 04 h".
QString durationText(std::int64_t milliseconds);
/// "412/1000", "412" without a total, "—/1000" before the first step; empty with neither.
QString stepsText(std::optional<std::int64_t> done, std::optional<std::int64_t> total);

/// A colour per status (finished green, running blue, failed red, ...), legible on light and dark
/// backgrounds, and a filled dot of it to put beside the status text.
QColor statusColor(store::RunStatus status);
QIcon statusIcon(store::RunStatus status);

/// The warning triangle beside the name of a run that evaluated a suite sharing data with its
/// training data, and the lines its tooltip adds: "<suite> [contaminated: ...]: <finding>", one per
/// suite (empty for a clean run).
QIcon contaminatedIcon();
QString contaminationText(const store::RunRecord& run);

}  // namespace mtrec::ui
