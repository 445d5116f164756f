#include "report/run_tables.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
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

std::string settingText(eval::Setting setting) {
    return std::string(eval::settingName(setting));
}

std::string measureText(store::Measure measure) {
    return std::string(store::measureName(measure));
}

std::vector<std::string> suitesOf(const std::vector<store::EvalCell>& cells) {
    std::set<std::string> suites;
    for (const store::EvalCell& cell : cells) suites.insert(cell.key.suite);
    return {suites.begin(), suites.end()};
}

namespace {

/// "! contaminated (evaluated on data shared with the run's training data): run 3 mlqa-r: 20
/// shared questions, 60 shared passages"; empty when every run is clean.
std::string contaminationNote(const std::vector<store::RunListing>& runs) {
    std::string listed;
    for (const store::RunListing& listing : runs)
        for (const store::SuiteContamination& record : listing.run.contaminated)
            listed += (listed.empty() ? "" : "; ") + ("run " + std::to_string(listing.run.id)) +
                      " " + record.suite + ": " + record.sharedText();
    if (listed.empty()) return listed;
    return std::string(kContaminatedMark) +
           " contaminated (evaluated on data shared with the run's training data): " + listed;
}

}  // namespace

Table summaryTable(const std::vector<store::RunListing>& runs, store::Measure metric) {
    std::vector<std::pair<std::string, eval::Setting>> columns;  // in first-seen order
    for (const store::RunListing& listing : runs)
        for (const store::SettingValue& v : listing.summary)
            if (std::find(columns.begin(), columns.end(), std::make_pair(v.suite, v.setting)) ==
                columns.end())
                columns.emplace_back(v.suite, v.setting);
    Table table;
    table.caption = "Runs (" + measureText(metric) + " per setting)";
    table.header = {"ID", "Name", "Strategy", "Seed", "Status"};
    table.numeric = {true, false, false, true, false};
    for (const auto& [suite, setting] : columns) {
        table.header.push_back(suite + " " + settingText(setting));
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
            const bool marked =
                !text.empty() && store::findContamination(run.contaminated, column.first);
            row.emplace_back(text, marked ? kContaminatedMark : "");
        }
        table.rows.push_back(std::move(row));
    }
    table.note = contaminationNote(runs);
    return table;
}

Table runListTable(const std::vector<store::RunListing>& runs, store::Measure metric,
                   const std::set<std::int64_t>& gone) {
    Table table = summaryTable(runs, metric);
    table.header.insert(table.header.begin() + 5, "Tags");
    table.numeric.insert(table.numeric.begin() + 5, false);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        std::string tags;
        for (const std::string& tag : runs[i].run.tags) tags += (tags.empty() ? "" : ";") + tag;
        table.rows[i].insert(table.rows[i].begin() + 5, TableCell(tags));
        if (gone.count(runs[i].run.id)) table.rows[i][4] = TableCell("running (process gone)");
    }
    return table;
}

void appendContaminationColumn(Table& table, const std::vector<store::RunListing>& runs) {
    table.header.push_back("contaminated");
    table.numeric.resize(table.header.size(), false);
    for (std::size_t row = 0; row < table.rows.size() && row < runs.size(); ++row) {
        std::string text;
        for (const store::SuiteContamination& record : runs[row].run.contaminated)
            text += (text.empty() ? "" : "; ") + record.suite + ": " + record.sharedText();
        table.rows[row].emplace_back(text);
    }
}

Table settingSummaryTable(const std::vector<store::EvalCell>& cells, const std::string& suite) {
    Table table;
    table.caption = suite + " summary (macro averages)";
    table.header = {"Setting", "Metric", "Value"};
    table.numeric = {false, false, true};
    for (const store::EvalCell& c : cells)
        if (c.key.suite == suite && c.key.isSummary())
            table.rows.push_back(
                {settingText(c.key.setting), measureText(c.metric), formatValue(c.value)});
    return table;
}

namespace {

std::string tiesText(const std::optional<store::TiedQueries>& ties) {
    if (!ties) return "-";
    return std::to_string(ties->tied) + "/" + std::to_string(ties->queries);
}

}  // namespace

Table diagnosticsTable(const std::vector<store::LanguageDiagnostics>& languages,
                       const std::string& suite) {
    Table table;
    table.caption = suite + " diagnostics per query language";
    table.header = {"Query", "unk share", "tied Mo", "tied Cr", "tied Mul"};
    table.numeric = {false, true, true, true, true};
    for (const store::LanguageDiagnostics& language : languages)
        table.rows.push_back(
            {language.language, language.unkShare ? formatValue(*language.unkShare) : "-",
             tiesText(language.mo), tiesText(language.cr), tiesText(language.mul)});
    table.note =
        "unk share: <unk> among the tokens of the language's queries and candidates; tied: pair "
        "queries whose relevant candidate's score equals another candidate's (ranked by docno), "
        "of all pair queries (Cr: summed over candidate languages)";
    return table;
}

Table matrixTable(const store::RunRecord& run, const store::LanguageGrid& grid) {
    Table table;
    table.caption = run.name + " (run " + std::to_string(run.id) + "): " + grid.suite + " " +
                    measureText(grid.metric) +
                    ", rows = query language, columns = candidate language";
    table.header = {"query \\ cand"};
    table.header.insert(table.header.end(), grid.layout.columns.begin(), grid.layout.columns.end());
    table.numeric.assign(table.header.size(), true);
    table.numeric[0] = false;
    for (std::size_t r = 0; r < grid.layout.rows.size(); ++r) {
        std::vector<TableCell> row = {grid.layout.rows[r]};
        for (std::size_t c = 0; c < grid.layout.columns.size(); ++c) {
            const store::GridCell& cell = grid.at(r, c);
            row.emplace_back(cell.runs == 0 ? std::string() : formatValue(cell.value));
        }
        table.rows.push_back(std::move(row));
    }
    table.note = grid.definition.empty() ? std::string() : "Definition: " + grid.definition;
    if (const store::SuiteContamination* record =
            store::findContamination(run.contaminated, grid.suite)) {
        table.caption += " [contaminated: " + record->sharedText() + "]";
        table.note =
            "Contaminated: " + record->description + (table.note.empty() ? "" : ". " + table.note);
    }
    return table;
}

std::string seedMark(const analysis::SeedLevel& seeds) {
    if (!seeds.tested()) return "";
    return seeds.pHolm < 0.01 ? "††" : seeds.pHolm < 0.05 ? "†" : "";
}

std::string withPerSeedValues(double mean, const std::vector<double>& perSeed) {
    std::string text = formatValue(mean);
    if (perSeed.size() < 2) return text;
    for (std::size_t i = 0; i < perSeed.size(); ++i)
        text += (i == 0 ? " (" : ", ") + formatValue(perSeed[i]);
    return text + ")";
}

namespace {

std::string seedLevelNote(const analysis::Comparison& comparison) {
    const std::size_t na = comparison.groupA.size();
    const std::size_t nb = comparison.groupB.size();
    const std::string cells = std::to_string(comparison.cells.size()) + " cells";
    std::string note =
        " Seed level (does the difference survive retraining?): † p < 0.05, †† p < 0.01 by "
        "Welch's t-test over per-seed means (each run's mean over the cell's queries";
    if (na < 2 || nb < 2)
        return note + "), not tested here: it needs at least 2 seeds per side (" +
               std::to_string(na) + " vs " + std::to_string(nb) + ").";
    char smallest[32];
    std::snprintf(smallest, sizeof smallest, "%.3g", analysis::smallestPermutationP(na, nb));
    return note + "; " + std::to_string(na) + " vs " + std::to_string(nb) +
           " seeds), Holm-Bonferroni corrected over the " + cells +
           "; few seeds give little power, and an exact permutation test over these seeds could "
           "give no p below " +
           smallest + ".";
}

}  // namespace

Table comparisonTable(const analysis::Comparison& comparison, const std::string& nameA,
                      const std::string& nameB) {
    Table table;
    const bool seedLevel = comparison.groupA.size() >= 2 && comparison.groupB.size() >= 2;
    table.caption =
        nameA + " vs " + nameB + " (" + measureText(comparison.metric) +
        (seedLevel ? ", paired per query and Welch over seeds)" : ", paired per query)");
    table.header = {"Suite", "Setting", "Query", "Cand", "n", nameA, nameB, "Delta"};
    for (const char* p : {"p queries rand (Holm)", "p queries t (Holm)", "p seeds Welch (Holm)"})
        table.header.emplace_back(p);
    table.numeric = {false, false, false, false, true, true, true, true, true, true, true};
    for (const analysis::CellComparison& cell : comparison.cells) {
        table.rows.push_back(
            {cell.key.suite, settingText(cell.key.setting), cell.key.queryLang, cell.key.candLang,
             std::to_string(cell.queries), withPerSeedValues(cell.meanA, cell.seeds.valuesA),
             withPerSeedValues(cell.meanB, cell.seeds.valuesB),
             TableCell(formatValue(cell.diff),
                       significanceMark(cell.pRandomizationHolm) + seedMark(cell.seeds)),
             formatValue(cell.pRandomizationHolm), formatValue(cell.pTTestHolm),
             formatValue(cell.seeds.pHolm)});
    }
    table.note =
        "Delta = A - B; A and B: a run's value, or a seed group's mean and (each seed's). "
        "Query level (does it hold for new queries, for these trained models?): * p < 0.05, "
        "** p < 0.01 by the paired randomization test (sign flips of the per-query differences "
        "of the means over seeds, seeded), Holm-Bonferroni corrected over the " +
        std::to_string(comparison.cells.size()) + " cells." + seedLevelNote(comparison);
    return table;
}

Table seedGroupTable(const std::string& name,
                     const std::vector<analysis::CellAggregate>& aggregates) {
    Table table;
    table.caption = name + ": mean +- sample std over seeds";
    table.header = {"Suite", "Setting", "Metric", "n", "Mean", "Std", "Per seed"};
    table.numeric = {false, false, false, true, true, true, false};
    for (const analysis::CellAggregate& a : aggregates) {
        if (!a.key.isSummary()) continue;
        std::string perSeed;
        for (double v : a.values) perSeed += (perSeed.empty() ? "" : ", ") + formatValue(v);
        table.rows.push_back({a.key.suite, settingText(a.key.setting), measureText(a.metric),
                              std::to_string(a.n), formatValue(a.mean), formatValue(a.std),
                              perSeed});
    }
    return table;
}

std::string sideLabel(const analysis::ComparedSide& side) {
    if (side.runIds.size() == 1)
        return side.first.name + " (#" + std::to_string(side.first.id) + ")";
    return side.first.name + " (" + std::to_string(side.runIds.size()) + " seeds)";
}

std::string significanceLine(const analysis::SignificanceSummary& summary) {
    char alpha[32];
    std::snprintf(alpha, sizeof alpha, "%g", summary.alpha);
    std::string line = std::to_string(summary.significant) + " of " +
                       std::to_string(summary.compared) +
                       " cells differ significantly over queries (randomization test, "
                       "Holm-corrected p < " +
                       alpha + ")";
    if (summary.seedTested > 0)
        line += "; " + std::to_string(summary.seedSignificant) + " of " +
                std::to_string(summary.seedTested) + " over seeds (Welch's t-test on " +
                std::to_string(summary.seedsA) + " vs " + std::to_string(summary.seedsB) +
                " per-seed means, Holm-corrected p < " + alpha + ")";
    else
        line += "; over seeds: not tested (needs at least 2 seeds per side)";
    if (summary.skipped > 0)
        line += "; " + std::to_string(summary.skipped) + " cells not comparable";
    return line;
}

}  // namespace mtrec::report
