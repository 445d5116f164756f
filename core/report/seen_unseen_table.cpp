#include "report/seen_unseen_table.h"

#include <algorithm>
#include <utility>

#include "report/run_tables.h"

namespace mtrec::report {
namespace {

constexpr int kRankDistanceDigits = 1;

std::string joined(const std::vector<std::string>& languages) {
    std::string text;
    for (const std::string& language : languages) text += (text.empty() ? "" : " ") + language;
    return text.empty() ? "-" : text;
}

std::vector<TableCell> scoreRow(const std::string& set, const std::string& languages,
                                const LanguageSetScores& scores) {
    return {set,
            languages,
            setMeanText(scores.mo),
            setMeanText(scores.cr),
            setMeanText(scores.mul),
            setMeanText(scores.rankDistance, kRankDistanceDigits)};
}

const SeenUnseenSummary* summaryOf(const std::vector<SeenUnseenSummary>& summaries,
                                   const std::string& suite) {
    for (const SeenUnseenSummary& summary : summaries)
        if (summary.suite == suite) return &summary;
    return nullptr;
}

/// The (suite, setting) columns of the listings among Cr and Mul, in first-seen order.
std::vector<std::pair<std::string, eval::Setting>> splitColumns(
    const std::vector<store::RunListing>& runs) {
    std::vector<std::pair<std::string, eval::Setting>> columns;
    for (const store::RunListing& listing : runs)
        for (const store::SettingValue& v : listing.summary) {
            const auto column = std::make_pair(v.suite, v.setting);
            if (v.setting != eval::Setting::Mo &&
                std::find(columns.begin(), columns.end(), column) == columns.end())
                columns.push_back(column);
        }
    return columns;
}

}  // namespace

SetMean setMeanOf(const LanguageSetScores& scores, const SeenUnseenSummary& summary,
                  eval::Setting setting, store::Measure measure) {
    if (measure == store::BiasMeasure::RankDistance)
        return setting == eval::Setting::Mul ? scores.rankDistance : SetMean{};
    if (measure != summary.metric) return {};
    switch (setting) {
        case eval::Setting::Mo:
            return scores.mo;
        case eval::Setting::Cr:
            return scores.cr;
        case eval::Setting::Mul:
            return scores.mul;
    }
    return {};
}

std::string setMeanText(const SetMean& mean, int digits) {
    return mean.empty() ? "-" : formatValue(mean.value, digits);
}

Table seenUnseenTable(const SeenUnseenSummary& summary) {
    const std::string metric = measureText(summary.metric);
    Table table;
    table.caption = summary.suite + ": seen vs unseen languages (" + metric +
                    "; rank distance: language bias, lower is better)";
    table.header = {"Set",          "Languages",     "Mo " + metric,
                    "Cr " + metric, "Mul " + metric, "rank distance"};
    table.numeric = {false, false, true, true, true, true};
    table.rows.push_back(scoreRow("all", joined(summary.languages), summary.overall));
    table.rows.push_back(scoreRow("seen", joined(summary.seen), summary.seenScores));
    table.rows.push_back(scoreRow("unseen", joined(summary.unseen), summary.unseenScores));
    table.rows.push_back({"mixed", "seen <-> unseen", "-", setMeanText(summary.mixedCr), "-", "-"});
    table.note =
        summary.hasTrainingLanguages
            ? "seen: the run's training languages. Mo, Mul and rank distance average the query "
              "languages of a set, Cr the ordered pairs with both languages in it; mixed: the Cr "
              "pairs of one seen and one unseen language. The same macro averages as 'all'."
            : "The run trained on no language (untrained encoder, BM25, an evaluated model): no "
              "seen/unseen split.";
    return table;
}

Result<std::vector<std::vector<SeenUnseenSummary>>> readListedSummaries(
    store::ResultRepository& results, const std::vector<store::RunListing>& runs,
    const TrainingLanguagesByRun& trainingLanguages, store::Measure metric) {
    const eval::Metric summaryMetric = metric.metric().value_or(eval::Metric::Map);
    std::vector<std::vector<SeenUnseenSummary>> perRun;
    for (const store::RunListing& listing : runs) {
        const auto trained = trainingLanguages.find(listing.run.id);
        const std::vector<std::string> none;
        const std::vector<std::string>& languages =
            trained == trainingLanguages.end() ? none : trained->second;
        Result<std::vector<store::EvalCell>> cells = results.matrix(listing.run.id);
        if (!cells) return cells.error();
        std::vector<SeenUnseenSummary> summaries;
        for (const std::string& suite : suitesOf(cells.value()))
            summaries.push_back(seenUnseenSummary(cells.value(), suite, languages, summaryMetric));
        perRun.push_back(std::move(summaries));
    }
    return perRun;
}

void appendSeenUnseenColumns(Table& table, const std::vector<store::RunListing>& runs,
                             const std::vector<std::vector<SeenUnseenSummary>>& perRun,
                             store::Measure metric) {
    const bool anySplit = std::any_of(perRun.begin(), perRun.end(), [](const auto& summaries) {
        return std::any_of(summaries.begin(), summaries.end(),
                           [](const SeenUnseenSummary& s) { return s.hasTrainingLanguages; });
    });
    if (!anySplit) return;
    const int digits = metric == store::BiasMeasure::RankDistance ? kRankDistanceDigits : 4;
    for (const auto& [suite, setting] : splitColumns(runs)) {
        const std::string name = suite + " " + settingText(setting);
        table.header.insert(table.header.end(), {name + " seen", name + " unseen"});
        table.numeric.insert(table.numeric.end(), {true, true});
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const SeenUnseenSummary* summary =
                r < perRun.size() ? summaryOf(perRun[r], suite) : nullptr;
            for (const bool seen : {true, false}) {
                SetMean mean;
                if (summary && summary->hasTrainingLanguages)
                    mean = setMeanOf(seen ? summary->seenScores : summary->unseenScores, *summary,
                                     setting, metric);
                table.rows[r].emplace_back(setMeanText(mean, digits));
            }
        }
    }
}

}  // namespace mtrec::report
