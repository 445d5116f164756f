#include "report/evaluation_csv.h"

#include <filesystem>
#include <string_view>

#include "report/csv_writer.h"

namespace mtrec::report {
namespace {

std::string str(std::string_view view) { return std::string(view); }

Status writeStats(const std::string& path, const std::vector<EvaluatedSuite>& suites) {
    CsvWriter csv(path, {"suite", "language", "queries", "candidates"});
    for (const auto& item : suites)
        for (const auto& language : item.suite->languages)
            csv.row({item.suite->name, language.code, std::to_string(language.queries.size()),
                     std::to_string(language.candidates.size())});
    return csv.finish();
}

Status writeSummary(const std::string& path, const std::vector<EvaluatedSuite>& suites) {
    CsvWriter csv(path, {"suite", "setting", "metric", "value"});
    for (const auto& item : suites)
        for (const auto& summary : item.evaluation->summaries)
            for (eval::Metric metric : eval::kAllMetrics)
                csv.row({item.evaluation->suite, str(eval::settingName(summary.setting)),
                         str(eval::trecName(metric)),
                         csvNumber(summary.mean[eval::metricIndex(metric)])});
    return csv.finish();
}

Status writePairs(const std::string& path, const std::vector<EvaluatedSuite>& suites) {
    CsvWriter csv(path, {"suite", "query_lang", "cand_lang", "setting", "metric", "value"});
    for (const auto& item : suites)
        for (const auto& cell : item.evaluation->cells)
            for (eval::Metric metric : eval::kAllMetrics)
                csv.row({item.evaluation->suite, cell.queryLanguage, cell.candidateLanguage,
                         str(eval::settingName(cell.setting)), str(eval::trecName(metric)),
                         csvNumber(cell.mean[eval::metricIndex(metric)])});
    return csv.finish();
}

Status writePerQuery(const std::string& path, const std::vector<EvaluatedSuite>& suites) {
    std::vector<std::string> header = {"suite", "query_lang", "cand_lang", "setting", "qid"};
    for (eval::Metric metric : eval::kAllMetrics) header.push_back(str(eval::trecName(metric)));
    header.push_back("rank_distance");
    CsvWriter csv(path, header);
    for (const auto& item : suites)
        for (const auto& query : item.evaluation->queries) {
            std::vector<std::string> fields = {item.evaluation->suite, query.queryLanguage,
                                               query.candidateLanguage,
                                               str(eval::settingName(query.setting)), query.qid};
            for (double value : query.values) fields.push_back(csvNumber(value));
            fields.push_back(query.rankDistance ? csvNumber(*query.rankDistance) : std::string());
            csv.row(fields);
        }
    return csv.finish();
}

void writeBiasRows(CsvWriter& csv, const std::string& suite, const eval::LanguageBias& bias) {
    const auto& langs = bias.languages;
    for (std::size_t x = 0; x < langs.size(); ++x)
        for (std::size_t y = 0; y < langs.size(); ++y) {
            csv.row({suite, langs[x], langs[y], "mean_rank", csvNumber(bias.meanRank[x][y])});
            csv.row({suite, langs[x], langs[y], "top10_share", csvNumber(bias.top10Share[x][y])});
        }
    const std::string all(eval::kAllLanguages);
    for (std::size_t x = 0; x < langs.size(); ++x)
        csv.row({suite, langs[x], all, "rank_distance", csvNumber(bias.rankDistance[x])});
    csv.row({suite, all, all, "rank_distance", csvNumber(bias.meanRankDistance)});
}

Status writeBias(const std::string& path, const std::vector<EvaluatedSuite>& suites) {
    CsvWriter csv(path, {"suite", "query_lang", "cand_lang", "measure", "value"});
    for (const auto& item : suites)
        if (item.evaluation->bias) writeBiasRows(csv, item.evaluation->suite, *item.evaluation->bias);
    return csv.finish();
}

}  // namespace

Status writeEvaluationCsv(const std::string& dir, const std::vector<EvaluatedSuite>& suites) {
    const std::filesystem::path base(dir);
    using Writer = Status (*)(const std::string&, const std::vector<EvaluatedSuite>&);
    const std::pair<const char*, Writer> files[] = {
        {"stats.csv", writeStats},         {"summary.csv", writeSummary}, {"pairs.csv", writePairs},
        {"per_query.csv", writePerQuery}, {"bias.csv", writeBias}};
    for (const auto& [name, write] : files) {
        Status status = write((base / name).string(), suites);
        if (!status) return status;
    }
    return success();
}

}  // namespace mtrec::report
