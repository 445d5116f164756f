#pragma once

#include <QString>
#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"

namespace mtrec::store {
class RunRepository;
}

namespace mtrec::ui {

/// A run's tags as one editable line: tags joined by ", ".
QString tagsText(const std::vector<std::string>& tags);

/// The tags of an edited line: split at commas (a tag cannot hold one), spaces around each removed,
/// empty ones and repeats dropped, sorted. Quotes, newlines and anything else are kept as typed.
std::vector<std::string> parseTags(const QString& text);

/// Makes the run's tags `wanted` (sorted, see parseTags) from `current` (sorted): removes those no
/// longer wanted, adds the new ones. Stops at the first error the store gives (no such run, a
/// read-only or locked database); what was written before it stays written.
Status writeTags(store::RunRepository& runs, std::int64_t runId,
                 const std::vector<std::string>& current, const std::vector<std::string>& wanted);

}  // namespace mtrec::ui
