#include "store/suite_record.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

namespace mtrec::store {

namespace {

std::string poolText(const eval::CellResult& cell) {
    return cell.setting == eval::Setting::Mul ? "pool=every language's candidates"
                                              : "pool=" + cell.candidateLanguage + " candidates";
}

std::string cellDefinition(const eval::CellResult& cell, eval::Metric metric) {
    return "trec_eval 10 " + std::string(eval::trecName(metric)) + " over the whole ranking; " +
           poolText(cell) + "; mean over " + std::to_string(cell.queryCount) + " queries of " +
           cell.queryLanguage + " with a judgment in the pool";
}

CellKey keyOf(const std::string& suite, const eval::CellResult& cell) {
    return {suite, cell.setting, cell.queryLanguage, cell.candidateLanguage};
}

void addBias(const eval::SuiteEvaluation& e, SuiteRecord& out) {
    const eval::LanguageBias& bias = *e.bias;
    const std::string suite = e.suite;
    for (std::size_t x = 0; x < bias.languages.size(); ++x) {
        const std::string& q = bias.languages[x];
        for (std::size_t y = 0; y < bias.languages.size(); ++y) {
            const std::string& c = bias.languages[y];
            if (x < bias.meanRank.size() && y < bias.meanRank[x].size() &&
                std::isfinite(bias.meanRank[x][y]))
                out.cells.push_back({{suite, eval::Setting::Mul, q, c},
                                     BiasMeasure::MulMeanRank,
                                     bias.meanRank[x][y],
                                     "mean Mul-pool rank of the best-ranked relevant " + c +
                                         " candidate for " + q + " queries",
                                     std::nullopt});
            if (x < bias.top10Share.size() && y < bias.top10Share[x].size() &&
                std::isfinite(bias.top10Share[x][y]))
                out.cells.push_back({{suite, eval::Setting::Mul, q, c},
                                     BiasMeasure::MulTop10Share,
                                     bias.top10Share[x][y],
                                     "share of " + q + " queries whose best relevant " + c +
                                         " candidate is in the Mul top 10",
                                     std::nullopt});
        }
        if (x < bias.rankDistance.size() && std::isfinite(bias.rankDistance[x]))
            out.cells.push_back({{suite, eval::Setting::Mul, q, kAllLanguages},
                                 BiasMeasure::RankDistance,
                                 bias.rankDistance[x],
                                 "mean over " + q +
                                     " queries of max - min Mul rank of the relevant candidate "
                                     "across languages (" +
                                     std::to_string(bias.rankDistanceQueries.at(x)) + " queries)",
                                 static_cast<std::int64_t>(bias.rankDistanceQueries.at(x))});
    }
    if (std::isfinite(bias.meanRankDistance))
        out.cells.push_back({{suite, eval::Setting::Mul, kAllLanguages, kAllLanguages},
                             BiasMeasure::RankDistance,
                             bias.meanRankDistance,
                             "language bias: mean over query languages of their mean rank distance",
                             std::nullopt});
}

/// tied_relevant in every cell with a pair query; unk_share per language when a tokenizer counted.
void addDiagnostics(const eval::SuiteEvaluation& e, SuiteRecord& out) {
    for (const eval::CellResult& cell : e.cells) {
        if (cell.queryCount == 0) continue;
        out.cells.push_back({keyOf(e.suite, cell), DiagnosticMeasure::TiedRelevant,
                             static_cast<double>(cell.tiedRelevantQueries),
                             "pair queries of " + cell.queryLanguage +
                                 " whose relevant candidate's score exactly ties another "
                                 "candidate's; " +
                                 poolText(cell) + "; of " + std::to_string(cell.queryCount),
                             static_cast<std::int64_t>(cell.queryCount)});
    }
    for (const eval::UnknownTokens& language : e.unknownTokens) {
        const double share = language.tokens == 0 ? 0.0
                                                  : static_cast<double>(language.unknown) /
                                                        static_cast<double>(language.tokens);
        out.cells.push_back({{e.suite, eval::Setting::Mo, language.language, language.language},
                             DiagnosticMeasure::UnkShare,
                             share,
                             "share of <unk> among the " + std::to_string(language.tokens) +
                                 " tokens of the " + language.language +
                                 " queries and candidates (" + std::to_string(language.unknown) +
                                 " <unk>)",
                             std::nullopt});
    }
}

}  // namespace

SuiteRecord suiteRecord(const eval::SuiteEvaluation& e,
                        const std::vector<eval::Metric>& perQueryMetrics) {
    SuiteRecord out;
    for (const eval::CellResult& cell : e.cells) {
        if (cell.queryCount == 0) continue;
        for (eval::Metric metric : eval::kAllMetrics)
            out.cells.push_back({keyOf(e.suite, cell), metric, cell.mean[eval::metricIndex(metric)],
                                 cellDefinition(cell, metric),
                                 static_cast<std::int64_t>(cell.queryCount)});
    }
    for (const eval::SettingSummary& summary : e.summaries) {
        if (summary.cellCount == 0) continue;
        const std::string setting(eval::settingName(summary.setting));
        for (eval::Metric metric : eval::kAllMetrics)
            out.cells.push_back({{e.suite, summary.setting, kAllLanguages, kAllLanguages},
                                 metric,
                                 summary.mean[eval::metricIndex(metric)],
                                 "macro average of the " + std::to_string(summary.cellCount) + " " +
                                     setting + " cells' trec_eval 10 " +
                                     std::string(eval::trecName(metric)),
                                 std::nullopt});
    }
    if (e.bias) addBias(e, out);
    addDiagnostics(e, out);
    for (const eval::QueryResult& query : e.queries) {
        const CellKey key{e.suite, query.setting, query.queryLanguage, query.candidateLanguage};
        for (eval::Metric metric : perQueryMetrics)
            out.perQuery.push_back(
                {key, metric, query.qid, query.values[eval::metricIndex(metric)]});
        if (query.rankDistance && e.bias)
            out.perQuery.push_back(
                {key, BiasMeasure::RankDistance, query.qid, *query.rankDistance});
    }
    // A per-query rank distance needs its cell; drop those of query languages without a finite
    // mean.
    std::set<std::string> withDistance;
    for (const EvalCell& c : out.cells)
        if (c.metric == BiasMeasure::RankDistance) withDistance.insert(c.key.queryLang);
    out.perQuery.erase(std::remove_if(out.perQuery.begin(), out.perQuery.end(),
                                      [&](const PerQueryValue& v) {
                                          return v.metric == BiasMeasure::RankDistance &&
                                                 !withDistance.count(v.key.queryLang);
                                      }),
                       out.perQuery.end());
    return out;
}

}  // namespace mtrec::store
