// findPlannedRun (protocol_run.h): which stored run a planned run is.

#include <nlohmann/json.hpp>

#include "experiment/protocol_run.h"

namespace mtrec::experiment {
namespace {

std::optional<nlohmann::json> parsed(const std::string& text) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

bool sameTraining(const PlannedRun& planned, const store::RunRecord& run) {
    const std::optional<nlohmann::json> json = parsed(run.configJson);
    if (!json) return false;
    ParsedTrainingConfig stored = parseTrainingConfig(*json);
    if (!stored.problems.empty()) return false;
    stored.config.threads = planned.config.threads;  // a rerun may use other threads
    return stored.config == planned.config;
}

/// BM25 runs store the request of `mtrec eval` (evaluation_job.cpp's requestJson).
bool sameBm25(const PlannedRun& planned, const store::RunRecord& run) {
    const std::optional<nlohmann::json> json = parsed(run.configJson);
    if (!json || !json->is_object()) return false;
    const auto text = [&json](const char* key) { return json->value(key, std::string()); };
    const nlohmann::json languages = json->value("languages", nlohmann::json::array());
    return text("scorer") == "bm25" && text("suite") == planned.suite.suite &&
           text("data") == planned.suite.data &&
           languages == nlohmann::json(planned.suite.languages);
}

bool samePlannedRun(const PlannedRun& planned, const store::RunRecord& run) {
    if (run.name != planned.name || run.seed != static_cast<std::int64_t>(planned.seed))
        return false;
    return planned.kind == PlannedRunKind::Bm25 ? sameBm25(planned, run)
                                                : sameTraining(planned, run);
}

}  // namespace

Result<std::optional<store::RunRecord>> findPlannedRun(store::RunRepository& runs,
                                                       const PlannedRun& planned) {
    Result<std::vector<store::RunListing>> listed = runs.list();
    if (!listed) return listed.error();
    std::optional<store::RunRecord> finished;
    std::optional<store::RunRecord> unfinished;
    for (const store::RunListing& listing : listed.value()) {  // by id: the newest comes last
        if (!samePlannedRun(planned, listing.run)) continue;
        if (listing.run.status == store::RunStatus::Finished)
            finished = listing.run;
        else
            unfinished = listing.run;
    }
    return finished ? finished : unfinished;
}

}  // namespace mtrec::experiment
