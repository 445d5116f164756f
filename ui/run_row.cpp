#include "run_row.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "experiment/training_languages.h"
#include "report/seen_unseen.h"
#include "store/experiment_store.h"

namespace mtrec::ui {
namespace {

/// α and the step budget of the stored config; a config that is not JSON has neither.
void readConfig(RunRow& row) {
    const nlohmann::json config =
        nlohmann::json::parse(row.run.configJson, nullptr, /*allow_exceptions=*/false);
    if (!config.is_object()) return;
    const auto strategy = config.find("strategy");
    if ((row.run.strategy == "hybrid" || row.run.strategy == "mixed") && strategy != config.end() &&
        strategy->is_object()) {
        const auto alpha = strategy->find("alpha");
        if (alpha != strategy->end() && alpha->is_number())
            row.alpha = QString::number(alpha->get<double>());
        else if (alpha != strategy->end() && alpha->is_string())
            row.alpha = QString::fromStdString(alpha->get<std::string>());
    }
    const auto optimizer = config.find("optimizer");
    if (optimizer == config.end() || !optimizer->is_object()) return;
    const auto steps = optimizer->find("steps");
    if (steps != optimizer->end() && steps->is_number_integer())
        row.stepsTotal = steps->get<std::int64_t>();
}

/// The Mo/Cr/Mul mAP of the first suite the listing has a summary for.
void readMapSummary(RunRow& row, const std::vector<store::SettingValue>& summary) {
    if (summary.empty()) return;
    row.suite = summary.front().suite;
    for (const store::SettingValue& value : summary) {
        if (value.suite != row.suite) break;
        if (value.setting == eval::Setting::Mo) row.moMap = value.value;
        if (value.setting == eval::Setting::Cr) row.crMap = value.value;
        if (value.setting == eval::Setting::Mul) row.mulMap = value.value;
    }
}

/// rank_distance at (Mul, all, all) of the row's suite (or of the first suite when it has no mAP).
void readRankDistance(RunRow& row, const std::vector<store::SettingValue>& summary) {
    for (const store::SettingValue& value : summary)
        if (value.setting == eval::Setting::Mul && (row.suite.empty() || value.suite == row.suite))
            return void(row.rankDistance = value.value);
}

std::optional<double> valueOf(const report::SetMean& mean) {
    return mean.empty() ? std::nullopt : std::optional<double>(mean.value);
}

/// Cr and Mul mAP of the row's suite over its training languages and over the others.
Status readSeenUnseen(store::ExperimentStore& store, RunRow& row) {
    if (row.suite.empty()) return success();
    store::TrainingLog log = store.trainingLog();
    const auto languages = experiment::trainingLanguages(row.run, log);
    if (!languages) return languages.error();
    if (languages.value().empty()) return success();
    const auto cells = store.results().cellValues(row.run.id, row.suite, eval::Metric::Map);
    if (!cells) return cells.error();
    const report::SeenUnseenSummary split =
        report::seenUnseenSummary(cells.value(), row.suite, languages.value());
    row.crSeen = valueOf(split.seenScores.cr);
    row.crUnseen = valueOf(split.unseenScores.cr);
    row.mulSeen = valueOf(split.seenScores.mul);
    row.mulUnseen = valueOf(split.unseenScores.mul);
    return success();
}

/// What readRunRows reads again only for runs written since: steps, notes, seen/unseen values.
void copyPerRunReads(const RunRow& from, RunRow& to) {
    to.stepsDone = from.stepsDone;
    to.latestNote = from.latestNote;
    to.noteCount = from.noteCount;
    to.crSeen = from.crSeen;
    to.crUnseen = from.crUnseen;
    to.mulSeen = from.mulSeen;
    to.mulUnseen = from.mulUnseen;
}

/// The steps logged, the notes and the seen/unseen values of one run.
Status readPerRun(store::ExperimentStore& store, RunRow& row) {
    auto last = store.trainingLog().lastStep(row.run.id);
    if (!last) return last.error();
    row.stepsDone = last.value();
    auto notes = store.runs().notes(row.run.id);
    if (!notes) return notes.error();
    row.noteCount = static_cast<int>(notes.value().size());
    if (!notes.value().empty()) row.latestNote = QString::fromStdString(notes.value().back().text);
    return readSeenUnseen(store, row);
}

}  // namespace

Result<std::vector<RunRow>> readRunRows(store::ExperimentStore& store) {
    return readRunRows(store, {}, {});
}

Result<std::vector<RunRow>> readRunRows(store::ExperimentStore& store,
                                        const std::vector<RunRow>& previous,
                                        const std::vector<std::int64_t>& written) {
    std::unordered_map<std::int64_t, const RunRow*> unchanged;
    for (const RunRow& row : previous) unchanged.emplace(row.run.id, &row);
    for (std::int64_t id : written) unchanged.erase(id);

    auto maps = store.runs().list();
    if (!maps) return maps.error();
    store::ListOptions distanceOptions;
    distanceOptions.metric = store::BiasMeasure::RankDistance;
    auto distances = store.runs().list(distanceOptions);
    if (!distances) return distances.error();
    std::unordered_map<std::int64_t, const std::vector<store::SettingValue>*> distanceOf;
    for (const store::RunListing& listing : distances.value())
        distanceOf.emplace(listing.run.id, &listing.summary);

    std::vector<RunRow> rows;
    rows.reserve(maps.value().size());
    for (store::RunListing& listing : maps.value()) {
        RunRow row;
        row.run = std::move(listing.run);
        readMapSummary(row, listing.summary);
        if (auto it = distanceOf.find(row.run.id); it != distanceOf.end())
            readRankDistance(row, *it->second);
        readConfig(row);
        if (auto same = unchanged.find(row.run.id); same != unchanged.end()) {
            copyPerRunReads(*same->second, row);
        } else if (Status read = readPerRun(store, row); !read) {
            return read.error();
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace mtrec::ui
