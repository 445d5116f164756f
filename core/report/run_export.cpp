#include "report/run_export.h"

#include <filesystem>
#include <fstream>

#include "report/csv_writer.h"
#include "report/run_tables.h"

namespace mtrec::report {

namespace fs = std::filesystem;
using report::csvNumber;

namespace {

std::string extension(ExportFormat format) {
    switch (format) {
        case ExportFormat::Csv:
            return ".csv";
        case ExportFormat::Markdown:
            return ".md";
        case ExportFormat::Latex:
            return ".tex";
        case ExportFormat::Trec:
            return ".run";
    }
    return ".txt";
}

std::string render(const Table& table, ExportFormat format) {
    return format == ExportFormat::Latex ? renderLatex(table) : renderMarkdown(table);
}

Status writeText(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) return Error{"could not write " + path};
    return success();
}

Status prepareDir(const std::string& dir) {
    if (dir.empty()) return Error{"no output folder given"};
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (!fs::is_directory(dir, ec)) return Error{"cannot create the output folder " + dir};
    return success();
}

/// The contamination column: "contaminated: <shared counts>" for a suite sharing data with the
/// run's training data, else empty.
std::string contaminationText(const store::RunRecord& run, const std::string& suite) {
    const store::SuiteContamination* record = store::findContamination(run.contaminated, suite);
    return record ? "contaminated: " + record->sharedText() : std::string();
}

}  // namespace

Result<ExportFormat> exportFormatFromName(const std::string& name) {
    if (name == "csv") return ExportFormat::Csv;
    if (name == "markdown" || name == "md") return ExportFormat::Markdown;
    if (name == "latex" || name == "tex") return ExportFormat::Latex;
    if (name == "trec") return ExportFormat::Trec;
    return Error{"unknown export format '" + name + "' (choose csv, markdown, latex or trec)"};
}

namespace {

/// seen_languages, value_seen, value_unseen, value_mixed of one summary row; empty without a split.
std::vector<std::string> seenUnseenCells(const std::vector<SeenUnseenSummary>* summaries,
                                         const store::SettingValue& v, store::Measure measure) {
    if (!summaries) return {"", "", "", ""};
    for (const SeenUnseenSummary& s : *summaries) {
        if (s.suite != v.suite || !s.hasTrainingLanguages) continue;
        std::string languages;
        for (const std::string& l : s.seen) languages += (languages.empty() ? "" : ";") + l;
        const auto text = [](const SetMean& mean) {
            return mean.empty() ? std::string() : csvNumber(mean.value);
        };
        const SetMean mixed =
            v.setting == eval::Setting::Cr && measure == s.metric ? s.mixedCr : SetMean{};
        return {languages, text(setMeanOf(s.seenScores, s, v.setting, measure)),
                text(setMeanOf(s.unseenScores, s, v.setting, measure)), text(mixed)};
    }
    return {"", "", "", ""};
}

}  // namespace

Status writeSummaryCsv(const std::string& path, const std::vector<store::RunListing>& runs,
                       store::Measure measure,
                       const std::vector<std::vector<SeenUnseenSummary>>& seenUnseen) {
    const std::string metric = measureText(measure);
    report::CsvWriter csv(
        path, {"run_id", "name", "strategy", "seed", "status", "suite", "setting", "metric",
               "value", "seen_languages", "value_seen", "value_unseen", "value_mixed",
               "contamination"});
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const store::RunListing& listing = runs[i];
        const std::vector<SeenUnseenSummary>* summaries =
            i < seenUnseen.size() ? &seenUnseen[i] : nullptr;
        const store::RunRecord& r = listing.run;
        const std::vector<std::string> head = {std::to_string(r.id), r.name, r.strategy,
                                               std::to_string(r.seed),
                                               std::string(store::statusName(r.status))};
        if (listing.summary.empty()) {
            std::vector<std::string> row = head;
            row.insert(row.end(), {"", "", metric, "", "", "", "", "", ""});
            csv.row(row);
        }
        for (const store::SettingValue& v : listing.summary) {
            std::vector<std::string> row = head;
            row.insert(row.end(), {v.suite, settingText(v.setting), metric, csvNumber(v.value)});
            const std::vector<std::string> split = seenUnseenCells(summaries, v, measure);
            row.insert(row.end(), split.begin(), split.end());
            row.push_back(contaminationText(r, v.suite));
            csv.row(row);
        }
    }
    return csv.finish();
}

Status writeMatrixCsv(const std::string& path, const store::RunRecord& run,
                      const std::vector<store::EvalCell>& cells) {
    report::CsvWriter csv(path, {"run_id", "run_name", "suite", "setting", "query_lang",
                                 "cand_lang", "metric", "value", "definition", "contamination"});
    for (const store::EvalCell& c : cells)
        csv.row({std::to_string(run.id), run.name, c.key.suite, settingText(c.key.setting),
                 c.key.queryLang, c.key.candLang, measureText(c.metric), csvNumber(c.value),
                 c.definition, contaminationText(run, c.key.suite)});
    return csv.finish();
}

Status writePerQueryCsv(const std::string& path, const store::RunRecord& run,
                        const std::vector<store::PerQueryValue>& values) {
    report::CsvWriter csv(
        path, {"run_id", "suite", "setting", "query_lang", "cand_lang", "metric", "qid", "value"});
    const std::string id = std::to_string(run.id);
    for (const store::PerQueryValue& v : values)
        csv.row({id, v.key.suite, settingText(v.key.setting), v.key.queryLang, v.key.candLang,
                 measureText(v.metric), v.qid, csvNumber(v.value)});
    return csv.finish();
}

namespace {

/// `columns`, then the seed level's columns of comparison.csv.
std::vector<std::string> withSeedColumns(std::vector<std::string> columns) {
    for (const char* column : {"seeds_a", "seeds_b", "per_seed_a", "per_seed_b", "welch_df",
                               "p_seed_welch", "p_seed_welch_holm"})
        columns.emplace_back(column);
    return columns;
}

/// `fields`, then the seed level's fields; each seed's value joined by ';'.
std::vector<std::string> withSeedFields(std::vector<std::string> fields,
                                        const analysis::SeedLevel& seeds) {
    const auto joined = [](const std::vector<double>& values) {
        std::string text;
        for (double v : values) text += (text.empty() ? "" : ";") + csvNumber(v);
        return text;
    };
    for (std::string field :
         {std::to_string(seeds.valuesA.size()), std::to_string(seeds.valuesB.size()),
          joined(seeds.valuesA), joined(seeds.valuesB), csvNumber(seeds.df), csvNumber(seeds.p),
          csvNumber(seeds.pHolm)})
        fields.push_back(std::move(field));
    return fields;
}

}  // namespace

Status writeComparisonCsv(const std::string& path, const analysis::Comparison& comparison) {
    report::CsvWriter csv(
        path, withSeedColumns({"suite", "setting", "query_lang", "cand_lang", "metric", "queries",
                               "mean_a", "mean_b", "diff", "p_randomization",
                               "p_randomization_holm", "p_ttest", "p_ttest_holm"}));
    for (const analysis::CellComparison& c : comparison.cells)
        csv.row(withSeedFields(
            {c.key.suite, settingText(c.key.setting), c.key.queryLang, c.key.candLang,
             measureText(c.metric), std::to_string(c.queries), csvNumber(c.meanA),
             csvNumber(c.meanB), csvNumber(c.diff), csvNumber(c.pRandomization),
             csvNumber(c.pRandomizationHolm), csvNumber(c.pTTest), csvNumber(c.pTTestHolm)},
            c.seeds));
    return csv.finish();
}

namespace {

std::vector<std::string> trainingLanguagesOf(const ExportOptions& options, std::int64_t runId) {
    const auto found = options.trainingLanguages.find(runId);
    return found == options.trainingLanguages.end() ? std::vector<std::string>{} : found->second;
}

Status exportOneRun(store::ExperimentStore& store, const store::RunRecord& run,
                    const ExportOptions& options, std::vector<std::string>& written) {
    const fs::path dir(options.outDir);
    const std::string stem = "run-" + std::to_string(run.id);
    Result<std::vector<store::EvalCell>> cells = store.results().matrix(run.id);
    if (!cells) return cells.error();
    if (options.format == ExportFormat::Csv) {
        const std::string matrixPath = (dir / (stem + "-matrix.csv")).string();
        if (Status s = writeMatrixCsv(matrixPath, run, cells.value()); !s) return s;
        written.push_back(matrixPath);
        Result<std::vector<store::PerQueryValue>> perQuery = store.results().allPerQuery(run.id);
        if (!perQuery) return perQuery.error();
        if (perQuery.value().empty()) return success();
        const std::string perQueryPath = (dir / (stem + "-per-query.csv")).string();
        if (Status s = writePerQueryCsv(perQueryPath, run, perQuery.value()); !s) return s;
        written.push_back(perQueryPath);
        return success();
    }
    std::string text;
    for (const std::string& suite : suitesOf(cells.value())) {
        Result<store::LanguageGrid> grid =
            store.results().languageGrid(run.id, suite, options.metric);
        if (!grid) return grid.error();
        text += render(matrixTable(run, grid.value()), options.format) + "\n";
        const SeenUnseenSummary summary =
            seenUnseenSummary(cells.value(), suite, trainingLanguagesOf(options, run.id),
                              options.metric.metric().value_or(eval::Metric::Map));
        text += render(seenUnseenTable(summary), options.format) + "\n";
    }
    if (text.empty())
        text =
            render(Table{run.name + ": no evaluation results", {"-"}, {}, {}, {}}, options.format);
    const std::string path = (dir / (stem + extension(options.format))).string();
    if (Status s = writeText(path, text); !s) return s;
    written.push_back(path);
    return success();
}

}  // namespace

Result<std::vector<std::string>> exportRuns(store::ExperimentStore& store,
                                            const std::vector<std::int64_t>& runIds,
                                            const ExportOptions& options) {
    if (runIds.empty()) return Error{"no runs to export"};
    if (options.format == ExportFormat::Trec)
        return Error{
            "the store keeps no rankings: TREC files are regenerated from the runs' models by "
            "experiment::exportTrecRuns"};
    std::vector<store::RunRecord> runs;
    for (std::int64_t id : runIds) {
        Result<store::RunRecord> run = store.runs().get(id);
        if (!run) return run.error();
        runs.push_back(std::move(run).value());
    }
    if (Status s = prepareDir(options.outDir); !s) return s.error();
    store::ListOptions listOptions;
    listOptions.metric = options.metric;
    Result<std::vector<store::RunListing>> all = store.runs().list(listOptions);
    if (!all) return all.error();
    std::vector<store::RunListing> chosen;
    for (std::int64_t id : runIds)
        for (const store::RunListing& listing : all.value())
            if (listing.run.id == id) chosen.push_back(listing);

    store::ResultRepository results = store.results();
    Result<std::vector<std::vector<SeenUnseenSummary>>> seenUnseen =
        readListedSummaries(results, chosen, options.trainingLanguages, options.metric);
    if (!seenUnseen) return seenUnseen.error();
    std::vector<std::string> written;
    const std::string summaryPath =
        (fs::path(options.outDir) / ("summary" + extension(options.format))).string();
    Table summaryText = summaryTable(chosen, options.metric);
    appendSeenUnseenColumns(summaryText, chosen, seenUnseen.value(), options.metric);
    Status summary = options.format == ExportFormat::Csv
                         ? writeSummaryCsv(summaryPath, chosen, options.metric, seenUnseen.value())
                         : writeText(summaryPath, render(summaryText, options.format));
    if (!summary) return summary.error();
    written.push_back(summaryPath);
    for (const store::RunRecord& run : runs)
        if (Status s = exportOneRun(store, run, options, written); !s) return s.error();
    return written;
}

Result<std::vector<std::string>> exportComparison(const analysis::Comparison& comparison,
                                                  const std::string& nameA,
                                                  const std::string& nameB,
                                                  const ExportOptions& options) {
    if (Status s = prepareDir(options.outDir); !s) return s.error();
    const std::string path =
        (fs::path(options.outDir) / ("comparison" + extension(options.format))).string();
    Status status =
        options.format == ExportFormat::Csv
            ? writeComparisonCsv(path, comparison)
            : writeText(path, render(comparisonTable(comparison, nameA, nameB), options.format));
    if (!status) return status.error();
    return std::vector<std::string>{path};
}

}  // namespace mtrec::report
