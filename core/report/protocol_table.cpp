#include "report/protocol_table.h"

#include <cmath>
#include <map>
#include <optional>

#include "analysis/seed_groups.h"
#include "report/run_tables.h"

namespace mtrec::report {
namespace {

/// A column: one summary value of a suite.
struct Column {
    store::CellKey key;
    store::Measure measure = eval::Metric::Map;
    int digits = 3;
};

std::vector<Column> columnsFor(const std::vector<std::string>& suites) {
    std::vector<Column> columns;
    const std::string all = store::kAllLanguages;
    for (const std::string& suite : suites) {
        for (const eval::Setting setting :
             {eval::Setting::Mo, eval::Setting::Cr, eval::Setting::Mul})
            columns.push_back({{suite, setting, all, all}, eval::Metric::Map, 3});
        columns.push_back(
            {{suite, eval::Setting::Mul, all, all}, store::BiasMeasure::RankDistance, 1});
    }
    return columns;
}

std::string columnName(const Column& column, bool withSuite) {
    const std::string name = column.measure == eval::Metric::Map
                                 ? settingText(column.key.setting) + " mAP"
                                 : std::string("rank distance");
    return withSuite ? column.key.suite + " " + name : name;
}

std::optional<double> valueOf(const std::vector<store::EvalCell>& cells, const Column& column) {
    for (const store::EvalCell& cell : cells)
        if (cell.key == column.key && cell.metric == column.measure) return cell.value;
    return std::nullopt;
}

std::string summaryText(const std::vector<double>& values, int digits) {
    if (values.empty()) return "-";
    const analysis::MeanStd summary = analysis::meanAndStd(values);
    if (values.size() == 1) return formatValue(summary.mean, digits);
    return formatValue(summary.mean, digits) + " ± " + formatValue(summary.std, digits);
}

/// One column of the seen/unseen table: a set's value of one measure in a suite.
struct SplitColumn {
    std::string suite;
    std::string name;  ///< e.g. "Cr seen"
    int digits = 3;
    SetMean (*pick)(const SeenUnseenSummary&) = nullptr;
};

std::vector<SplitColumn> splitColumnsFor(const std::vector<std::string>& suites) {
    using S = const SeenUnseenSummary&;
    std::vector<SplitColumn> columns;
    for (const std::string& suite : suites) {
        const std::vector<SplitColumn> ofSuite = {
            {suite, "Mo seen", 3, [](S s) { return s.seenScores.mo; }},
            {suite, "Mo unseen", 3, [](S s) { return s.unseenScores.mo; }},
            {suite, "Cr seen", 3, [](S s) { return s.seenScores.cr; }},
            {suite, "Cr unseen", 3, [](S s) { return s.unseenScores.cr; }},
            {suite, "Cr mixed", 3, [](S s) { return s.mixedCr; }},
            {suite, "Mul seen", 3, [](S s) { return s.seenScores.mul; }},
            {suite, "Mul unseen", 3, [](S s) { return s.unseenScores.mul; }},
            {suite, "rank distance seen", 1, [](S s) { return s.seenScores.rankDistance; }},
            {suite, "rank distance unseen", 1, [](S s) { return s.unseenScores.rankDistance; }},
        };
        columns.insert(columns.end(), ofSuite.begin(), ofSuite.end());
    }
    return columns;
}

/// The training languages every trained run of `rows` has, when they all agree; else none.
std::vector<std::string> sharedTrainingLanguages(const std::vector<ProtocolTableRow>& rows,
                                                 const TrainingLanguagesByRun& trained) {
    std::optional<std::vector<std::string>> shared;
    for (const ProtocolTableRow& row : rows)
        for (const std::int64_t id : row.runIds) {
            const auto found = trained.find(id);
            if (found == trained.end()) continue;
            if (shared && *shared != found->second) return {};
            shared = found->second;
        }
    return shared.value_or(std::vector<std::string>{});
}

}  // namespace

Result<Table> protocolTable(store::ResultRepository& results,
                            const std::vector<ProtocolTableRow>& rows,
                            const std::vector<std::string>& suites) {
    const std::vector<Column> columns = columnsFor(suites);
    Table table;
    table.caption =
        "Comparison (setting summaries of mAP; rank distance: language bias, lower is "
        "better)";
    table.header = {"Run", "Seeds"};
    table.numeric = {false, true};
    for (const Column& column : columns) {
        table.header.push_back(columnName(column, suites.size() > 1));
        table.numeric.push_back(true);
    }
    for (const ProtocolTableRow& row : rows) {
        std::vector<std::vector<double>> values(columns.size());
        for (const std::int64_t runId : row.runIds) {
            Result<std::vector<store::EvalCell>> cells = results.matrix(runId);
            if (!cells) return cells.error();
            for (std::size_t c = 0; c < columns.size(); ++c)
                if (const std::optional<double> value = valueOf(cells.value(), columns[c]))
                    values[c].push_back(*value);
        }
        std::vector<TableCell> cells = {row.label, std::to_string(row.runIds.size())};
        for (std::size_t c = 0; c < columns.size(); ++c)
            cells.emplace_back(summaryText(values[c], columns[c].digits));
        table.rows.push_back(std::move(cells));
    }
    if (rows.size() > 0 && suites.size() > 0)
        table.note =
            "Mo: query and candidates in one language; Cr: in two; Mul: candidates of every "
            "language pooled. Several seeds: mean ± sample std.";
    return table;
}

Result<Table> protocolSeenUnseenTable(store::ResultRepository& results,
                                      const std::vector<ProtocolTableRow>& rows,
                                      const std::vector<std::string>& suites,
                                      const TrainingLanguagesByRun& trainingLanguages) {
    const std::vector<SplitColumn> columns = splitColumnsFor(suites);
    const std::vector<std::string> shared = sharedTrainingLanguages(rows, trainingLanguages);
    Table table;
    table.caption = "Seen vs unseen languages (mAP; rank distance: lower is better)";
    table.header = {"Run", "Seeds"};
    table.numeric = {false, true};
    for (const SplitColumn& column : columns) {
        table.header.push_back(suites.size() > 1 ? column.suite + " " + column.name : column.name);
        table.numeric.push_back(true);
    }
    bool anyUnseen = false;
    for (const ProtocolTableRow& row : rows) {
        std::vector<std::vector<double>> values(columns.size());
        for (const std::int64_t runId : row.runIds) {
            Result<std::vector<store::EvalCell>> cells = results.matrix(runId);
            if (!cells) return cells.error();
            const auto own = trainingLanguages.find(runId);
            const std::vector<std::string>& seen =
                own == trainingLanguages.end() ? shared : own->second;
            std::map<std::string, SeenUnseenSummary> bySuite;
            for (const std::string& suite : suites) {
                bySuite[suite] = seenUnseenSummary(cells.value(), suite, seen);
                anyUnseen = anyUnseen || !bySuite[suite].unseen.empty();
            }
            for (std::size_t c = 0; c < columns.size(); ++c)
                if (const SetMean mean = columns[c].pick(bySuite[columns[c].suite]); !mean.empty())
                    values[c].push_back(mean.value);
        }
        std::vector<TableCell> cells = {row.label, std::to_string(row.runIds.size())};
        for (std::size_t c = 0; c < columns.size(); ++c)
            cells.emplace_back(summaryText(values[c], columns[c].digits));
        table.rows.push_back(std::move(cells));
    }
    if (!anyUnseen) {
        table.rows.clear();
        table.note = "Every evaluated language is a training language: there is no unseen split.";
        return table;
    }
    table.note =
        "seen: the run's training languages; a run that trained on none (untrained encoder, BM25) "
        "is split by the trained runs' languages. Mo, Mul and rank distance average a set's query "
        "languages, Cr the ordered pairs within it; Cr mixed: pairs of one seen and one unseen "
        "language. Several seeds: mean ± sample std.";
    return table;
}

}  // namespace mtrec::report
