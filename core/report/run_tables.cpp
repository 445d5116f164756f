#include "report/run_tables.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace mtrec::report {

std::string formatValue(double value, int digits) {
    if (std::isnan(value)) return "n/a";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
    return buffer;
}

std::string significanceMark(double p) {
    return p < 0.01 ? "**" : p < 0.05 ? "*" : "";
}

std::vector<std::string> suitesOf(const std::vector<store::EvalCell>& cells) {
    std::set<std::string> suites;
    for (const store::EvalCell& cell : cells) suites.insert(cell.key.suite);
    return {suites.begin(), suites.end()};
}

Table summaryTable(const std::vector<store::RunListing>& runs, const std::string& metric) {
    std::vector<std::pair<std::string, std::string>>
        columns;  // (suite, setting) in first-seen order
    for (const store::RunListing& listing : runs)
        for (const store::SettingValue& v : listing.summary)
            if (std::find(columns.begin(), columns.end(), std::make_pair(v.suite, v.setting)) ==
                columns.end())
                columns.emplace_back(v.suite, v.setting);
    Table table;
    table.caption = "Runs (" + metric + " per setting)";
    table.header = {"ID", "Name", "Strategy", "Seed", "Status"};
    table.numeric = {true, false, false, true, false};
    for (const auto& [suite, setting] : columns) {
        table.header.push_back(suite + " " + setting);
        table.numeric.push_back(true);
    }
    for (const store::RunListing& listing : runs) {
        const store::RunRecord& run = listing.run;
        std::vector<TableCell> row = {std::to_string(run.id), run.name, run.strategy,
                                      std::to_string(run.seed),
                                      std::string(store::statusName(run.status))};
        for (const auto& column : columns) {
            std::string text;
            for (const store::SettingValue& v : listing.summary)
                if (v.suite == column.first && v.setting == column.second)
                    text = formatValue(v.value);
            row.emplace_back(text);
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

Table matrixTable(const store::RunRecord& run, const std::vector<store::EvalCell>& cells,
                  const std::string& suite, const std::string& metric) {
    std::set<std::string> languages;
    std::map<std::pair<std::string, std::string>, double> values;
    std::string definition;
    for (const store::EvalCell& cell : cells) {
        if (cell.key.suite != suite || cell.metric != metric || cell.key.queryLang == store::kAllLanguages)
            continue;
        languages.insert(cell.key.queryLang);
        if (cell.key.candLang != store::kAllLanguages) languages.insert(cell.key.candLang);
        values[{cell.key.queryLang, cell.key.setting == "Mul" ? "Mul" : cell.key.candLang}] =
            cell.value;
        if (definition.empty()) definition = cell.definition;
    }
    Table table;
    table.caption = run.name + " (run " + std::to_string(run.id) + "): " + suite + " " + metric +
                    ", rows = query language, columns = candidate language";
    table.header = {"query \\ cand"};
    table.numeric = {false};
    for (const std::string& lang : languages) table.header.push_back(lang);
    table.header.push_back("Mul");
    table.numeric.resize(table.header.size(), true);
    for (const std::string& query : languages) {
        std::vector<TableCell> row = {query};
        for (std::size_t c = 1; c < table.header.size(); ++c) {
            auto it = values.find({query, table.header[c]});
            row.emplace_back(it == values.end() ? std::string() : formatValue(it->second));
        }
        table.rows.push_back(std::move(row));
    }
    table.note = definition.empty() ? std::string() : "Definition: " + definition;
    return table;
}

Table comparisonTable(const analysis::Comparison& comparison, const std::string& nameA,
                      const std::string& nameB) {
    Table table;
    table.caption = nameA + " vs " + nameB + " (" + comparison.metric + ", paired per query)";
    table.header = {"Suite", "Setting", "Query", "Cand",          "n",
                    nameA,   nameB,     "Delta", "p rand (Holm)", "p t (Holm)"};
    table.numeric = {false, false, false, false, true, true, true, true, true, true};
    for (const analysis::CellComparison& cell : comparison.cells) {
        table.rows.push_back(
            {cell.key.suite, cell.key.setting, cell.key.queryLang, cell.key.candLang,
             std::to_string(cell.queries), formatValue(cell.meanA), formatValue(cell.meanB),
             TableCell(formatValue(cell.diff), significanceMark(cell.pRandomizationHolm)),
             formatValue(cell.pRandomizationHolm), formatValue(cell.pTTestHolm)});
    }
    table.note = "Delta = A - B. * p < 0.05, ** p < 0.01: paired randomization test (sign flips, " +
                 std::string("seeded), Holm-Bonferroni corrected over the ") +
                 std::to_string(comparison.cells.size()) + " cells.";
    return table;
}

Table seedGroupTable(const std::string& name, const std::vector<analysis::CellAggregate>& aggregates) {
    Table table;
    table.caption = name + ": mean +- sample std over seeds";
    table.header = {"Suite", "Setting", "Metric", "n", "Mean", "Std"};
    table.numeric = {false, false, false, true, true, true};
    for (const analysis::CellAggregate& a : aggregates) {
        if (!a.key.isSummary()) continue;
        table.rows.push_back({a.key.suite, a.key.setting, a.metric, std::to_string(a.n),
                              formatValue(a.mean), formatValue(a.std)});
    }
    return table;
}

}  // namespace mtrec::report
