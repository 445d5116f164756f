#pragma once

#include <QString>
#include <QStringList>
#include <vector>

#include "store/run_history.h"

namespace mtrec::ui {

/// One line of a run's log for a monospace view: "2026-11-26 04:15:03Z  <what happened>", the
/// time in UTC; the undated latest checkpoint keeps the time column blank.
QString runLogLine(const store::RunEvent& event);
QStringList runLogLines(const std::vector<store::RunEvent>& events);

}  // namespace mtrec::ui
