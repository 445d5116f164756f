#include "store/run_record.h"

#include <array>
#include <utility>

namespace mtrec::store {

namespace {
constexpr std::array<std::pair<RunStatus, std::string_view>, 6> kStatusNames = {{
    {RunStatus::Queued, "queued"},
    {RunStatus::Running, "running"},
    {RunStatus::Finished, "finished"},
    {RunStatus::Failed, "failed"},
    {RunStatus::Cancelled, "cancelled"},
    {RunStatus::Interrupted, "interrupted"},
}};
}  // namespace

std::string_view statusName(RunStatus status) {
    for (const auto& [value, name] : kStatusNames)
        if (value == status) return name;
    return "queued";
}

std::optional<RunStatus> statusFromName(std::string_view name) {
    for (const auto& [value, text] : kStatusNames)
        if (text == name) return value;
    return std::nullopt;
}

}  // namespace mtrec::store
