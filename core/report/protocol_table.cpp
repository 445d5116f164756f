#include "report/protocol_table.h"

#include <cmath>
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

}  // namespace mtrec::report
