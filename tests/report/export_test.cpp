#include <gtest/gtest.h>

#include "report/run_export.h"
#include "report/run_tables.h"
#include "report/table_format.h"
#include "store_test_support.h"

namespace mtrec::store {
namespace {

using namespace mtrec::report;
using analysis::CellComparison;
using analysis::Comparison;

using mtrec::test::TempDir;
using test::fileBytes;

TEST(TableFormat, MarkdownEscapesPipesAndMarks) {
    Table t{"A|B", {"Name", "Value"}, {{"x_y", TableCell("0.5000", "**")}}, {false, true}, "note"};
    EXPECT_EQ(renderMarkdown(t),
              "**A\\|B**\n\n| Name | Value |\n| --- | ---: |\n| x\\_y | 0.5000\\*\\* |\n\nnote\n");
}

TEST(TableFormat, LatexEscapesSpecialsAndSetsMarksAsSuperscripts) {
    Table t{"50% & more", {"run_name", "mAP"}, {{"a#1", TableCell("0.5", "*")}}, {false, true}, ""};
    EXPECT_EQ(renderLatex(t),
              "\\begin{table}[t]\n\\centering\n\\caption{50\\% \\& "
              "more}\n\\begin{tabular}{lr}\n\\toprule\n"
              "run\\_name & mAP \\\\\n\\midrule\na\\#1 & 0.5$^{*}$ "
              "\\\\\n\\bottomrule\n\\end{tabular}\n\\end{table}\n");
    EXPECT_EQ(latexEscape("a\\b~c^d{e}$"),
              "a\\textbackslash{}b\\textasciitilde{}c\\textasciicircum{}d\\{e\\}\\$");
}

/// Run names a user may type: every format must keep them one cell and readable.
Table nastyNames() {
    return {"",
            {"Run", "mAP"},
            {{"50%_\\&", "0.5"}, {"a,b\"c", "0.25"}, {"x|y\nz", "1"}},
            {false, true},
            ""};
}

TEST(TableFormat, CsvQuotesCommasQuotesAndLineBreaks) {
    EXPECT_EQ(renderCsv(nastyNames()),
              "Run,mAP\r\n50%_\\&,0.5\r\n\"a,b\"\"c\",0.25\r\n\"x|y\nz\",1\r\n");
}

TEST(TableFormat, MarkdownEscapesPipesBackslashesUnderscoresAndLineBreaks) {
    EXPECT_EQ(renderMarkdown(nastyNames()),
              "| Run | mAP |\n| --- | ---: |\n| 50%\\_\\\\& | 0.5 |\n| a,b\"c | 0.25 |\n"
              "| x\\|y z | 1 |\n");
}

TEST(TableFormat, LatexEscapesEverySpecialOfARunName) {
    EXPECT_EQ(renderLatex(nastyNames()),
              "\\begin{table}[t]\n\\centering\n\\begin{tabular}{lr}\n\\toprule\n"
              "Run & mAP \\\\\n\\midrule\n"
              "50\\%\\_\\textbackslash{}\\& & 0.5 \\\\\n"
              "a,b\"c & 0.25 \\\\\n"
              "x\\textbar{}y z & 1 \\\\\n"
              "\\bottomrule\n\\end{tabular}\n\\end{table}\n");
    EXPECT_EQ(latexEscape("a<b>c#d~"), "a\\textless{}b\\textgreater{}c\\#d\\textasciitilde{}");
}

TEST(TableFormat, PlainPadsColumnsAndRightAlignsNumbers) {
    Table t{"", {"Lang", "mAP"}, {{"de", "0.5"}, {"zh-Hans", "0.25"}}, {false, true}, ""};
    EXPECT_EQ(renderPlain(t), "Lang      mAP\nde        0.5\nzh-Hans  0.25\n");
    Table bad{"t", {"a", "b"}, {{"only one"}}, {}, ""};
    EXPECT_THROW(renderPlain(bad), std::logic_error);
}

TEST(RunTables, MatrixPutsQueryLanguagesInRowsAndMulLast) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t id = test::addRun(store, "hybrid", "hybrid", 1);
    ASSERT_TRUE(store.results().record(
        id, {test::cell("Mo", "de", "de", 0.5), test::cell("Cr", "de", "en", 0.25),
             test::cell("Cr", "en", "de", 0.125), test::cell("Mo", "en", "en", 0.75),
             test::cell("Mul", "de", "all", 0.375), test::cell("Mo", "all", "all", 0.625)}));
    const Table t =
        matrixTable(store.runs().get(id).value(),
                    store.results().languageGrid(id, "xquad-r", eval::Metric::Map).value());
    EXPECT_EQ(renderPlain(t),
              "hybrid (run 1): xquad-r map, rows = query language, columns = candidate language\n"
              "query \\ cand      de      en     Mul\n"
              "de            0.5000  0.2500  0.3750\n"
              "en            0.1250  0.7500\n"
              "Definition: trec_eval 10 map; pool=de\n");
}

TEST(RunExport, FormatNamesAndUnknownFormatsListTheChoices) {
    EXPECT_EQ(exportFormatFromName("trec").value(), ExportFormat::Trec);
    EXPECT_EQ(exportFormatFromName("xlsx").error().message,
              "unknown export format 'xlsx' (choose csv, markdown, latex or trec)");
    EXPECT_EQ(exportFormatFromName("md").value(), ExportFormat::Markdown);
}

class RunExportFiles : public ::testing::Test {
protected:
    void SetUp() override {
        store_ = std::make_unique<ExperimentStore>(test::openStore(dir_.path() / "e.db"));
        id_ = test::addRun(*store_, "hybrid, a=0.5", "hybrid", 7);
        ASSERT_TRUE(store_->results().record(
            id_, {test::cell("Mo", "de", "de", 0.5), test::cell("Mo", "all", "all", 0.5)},
            {test::perQuery("Mo", "de", "de", "q\"1", 1.0),
             test::perQuery("Mo", "de", "de", "q2", 0.0)}));
    }
    TempDir dir_;
    std::unique_ptr<ExperimentStore> store_;
    std::int64_t id_ = 0;
};

TEST_F(RunExportFiles, CsvWritesTidySummaryMatrixAndPerQueryFiles) {
    ExportOptions options;
    options.outDir = (dir_.path() / "out" / "csv").string();
    std::vector<std::string> files = exportRuns(*store_, {id_}, options).value();
    ASSERT_EQ(files.size(), 3u);
    EXPECT_EQ(fileBytes(files[0]),
              "run_id,name,strategy,seed,status,suite,setting,metric,value,seen_languages,"
              "value_seen,value_unseen,value_mixed,contamination\r\n"
              "1,\"hybrid, a=0.5\",hybrid,7,queued,xquad-r,Mo,map,0.5,,,,,\r\n");
    EXPECT_EQ(fileBytes(files[1]),
              "run_id,run_name,suite,setting,query_lang,cand_lang,metric,value,definition,"
              "contamination\r\n"
              "1,\"hybrid, a=0.5\",xquad-r,Mo,all,all,map,0.5,trec_eval 10 map; pool=all,\r\n"
              "1,\"hybrid, a=0.5\",xquad-r,Mo,de,de,map,0.5,trec_eval 10 map; pool=de,\r\n");
    EXPECT_EQ(fileBytes(files[2]),
              "run_id,suite,setting,query_lang,cand_lang,metric,qid,value\r\n"
              "1,xquad-r,Mo,de,de,map,\"q\"\"1\",1\r\n"
              "1,xquad-r,Mo,de,de,map,q2,0\r\n");
}

TEST_F(RunExportFiles, AContaminatedSuiteIsMarkedInEveryExport) {
    ASSERT_TRUE(store_->results().recordContamination(
        id_, {"xquad-r", 4, 4, 9, 2, "4 of 4 questions also occur in the training data (qa)"}));
    ExportOptions options;
    options.outDir = (dir_.path() / "csv").string();
    std::vector<std::string> csv = exportRuns(*store_, {id_}, options).value();
    EXPECT_EQ(fileBytes(csv[0]),
              "run_id,name,strategy,seed,status,suite,setting,metric,value,seen_languages,"
              "value_seen,value_unseen,value_mixed,contamination\r\n"
              "1,\"hybrid, a=0.5\",hybrid,7,queued,xquad-r,Mo,map,0.5,,,,,"
              "\"contaminated: 4 shared questions, 2 shared passages\"\r\n");
    EXPECT_NE(fileBytes(csv[1]).find(
                  "pool=de,\"contaminated: 4 shared questions, 2 shared passages\"\r\n"),
              std::string::npos);

    options.outDir = (dir_.path() / "md").string();
    options.format = ExportFormat::Markdown;
    std::vector<std::string> md = exportRuns(*store_, {id_}, options).value();
    const std::string summary = fileBytes(md[0]);
    EXPECT_NE(summary.find("| 0.5000! |"), std::string::npos) << summary;
    EXPECT_NE(summary.find("! contaminated (evaluated on data shared with the run's training "
                           "data): run 1 xquad-r: 4 shared questions, 2 shared passages"),
              std::string::npos)
        << summary;
    const std::string matrix = fileBytes(md[1]);
    EXPECT_NE(matrix.find("xquad-r map, rows = query language, columns = candidate language "
                          "[contaminated: 4 shared questions, 2 shared passages]"),
              std::string::npos)
        << matrix;
    EXPECT_NE(matrix.find("Contaminated: 4 of 4 questions also occur in the training data (qa). "
                          "Definition: "),
              std::string::npos)
        << matrix;
}

TEST(RunExportSeenUnseen, SummaryCsvAppendsTheValuesOverSeenUnseenAndMixedLanguages) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::int64_t id = test::addRun(store, "mono", "mono", 7);
    // de trained, th not. Mo: de 0.5, th 0.25; Cr: the two mixed pairs, mean 0.25.
    ASSERT_TRUE(store.results().record(
        id, {test::cell("Mo", "de", "de", 0.5), test::cell("Mo", "th", "th", 0.25),
             test::cell("Cr", "de", "th", 0.125), test::cell("Cr", "th", "de", 0.375),
             test::cell("Mo", "all", "all", 0.375), test::cell("Cr", "all", "all", 0.25)}));
    ExportOptions options;
    options.outDir = (dir.path() / "csv").string();
    options.trainingLanguages = {{id, {"de", "en"}}};
    std::vector<std::string> files = exportRuns(store, {id}, options).value();
    EXPECT_EQ(fileBytes(files[0]),
              "run_id,name,strategy,seed,status,suite,setting,metric,value,seen_languages,"
              "value_seen,value_unseen,value_mixed,contamination\r\n"
              "1,mono,mono,7,queued,xquad-r,Mo,map,0.375,de,0.5,0.25,,\r\n"
              "1,mono,mono,7,queued,xquad-r,Cr,map,0.25,de,,,0.25,\r\n");
    options.format = ExportFormat::Markdown;
    options.outDir = (dir.path() / "md").string();
    std::vector<std::string> md = exportRuns(store, {id}, options).value();
    EXPECT_NE(fileBytes(md[0]).find("| xquad-r Cr seen | xquad-r Cr unseen |"), std::string::npos)
        << fileBytes(md[0]);
    EXPECT_NE(fileBytes(md[1]).find("| unseen | th | 0.2500 | - | - | - |"), std::string::npos)
        << fileBytes(md[1]);
}

TEST_F(RunExportFiles, MarkdownAndLatexWriteSummaryAndMatrixTables) {
    ExportOptions options;
    options.outDir = (dir_.path() / "md").string();
    options.format = ExportFormat::Markdown;
    std::vector<std::string> md = exportRuns(*store_, {id_}, options).value();
    ASSERT_EQ(md.size(), 2u);
    EXPECT_EQ(md[1], options.outDir + "/run-1.md");
    EXPECT_NE(fileBytes(md[0]).find("| 1 | hybrid, a=0.5 | hybrid | 7 | queued | 0.5000 |"),
              std::string::npos);
    EXPECT_NE(fileBytes(md[1]).find("| de | 0.5000 |  |"), std::string::npos) << fileBytes(md[1]);
    options.format = ExportFormat::Latex;
    std::vector<std::string> tex = exportRuns(*store_, {id_}, options).value();
    EXPECT_NE(fileBytes(tex[1]).find("de & 0.5000 &  \\\\"), std::string::npos)
        << fileBytes(tex[1]);
    EXPECT_EQ(exportRuns(*store_, {id_, 9}, options).error().message,
              "no run with id 9 in " + store_->path());
}

/// A Cr de-en cell of 1190 queries: A 0.61, B 0.55, Holm p 0.004 (randomization), 0.003 (t).
CellComparison crDeEnCell() {
    CellComparison cell;
    cell.key = test::key("Cr", "de", "en");
    cell.metric = eval::Metric::Map;
    cell.queries = 1190;
    cell.meanA = 0.61;
    cell.meanB = 0.55;
    cell.diff = 0.06;
    cell.pRandomizationHolm = 0.004;
    cell.pTTestHolm = 0.003;
    return cell;
}

TEST(RunExportComparison, TablesMarkSignificantCells) {
    Comparison c;
    c.metric = eval::Metric::Map;
    c.cells = {crDeEnCell()};
    const std::string md = renderMarkdown(comparisonTable(c, "hybrid", "multitask"));
    EXPECT_NE(md.find("| xquad-r | Cr | de | en | 1190 | 0.6100 | 0.5500 | 0.0600\\*\\* | 0.0040 | "
                      "0.0030 | n/a |"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("not tested here: it needs at least 2 seeds per side (0 vs 0)"),
              std::string::npos)
        << md;
    TempDir dir;
    ExportOptions options;
    options.outDir = dir.path().string();
    const std::string path = exportComparison(c, "hybrid", "multitask", options).value().at(0);
    EXPECT_EQ(
        fileBytes(path),
        "suite,setting,query_lang,cand_lang,metric,queries,mean_a,mean_b,diff,p_randomization,"
        "p_randomization_holm,p_ttest,p_ttest_holm,seeds_a,seeds_b,per_seed_a,per_seed_b,welch_df,"
        "p_seed_welch,p_seed_welch_holm\r\nxquad-r,Cr,de,en,map,1190,0.61,0.55,0.06,1,0.004,1,0."
        "003,0,0,,,,,\r\n");
}

// Two seeds a side: A and B show each seed's value, Delta carries both levels' marks (** over
// queries, †† over seeds), the CSV each seed's value and the Welch test.
TEST(RunExportComparison, SeedGroupsShowPerSeedValuesAndTheSeedLevel) {
    Comparison c;
    c.metric = eval::Metric::Map;
    c.groupA = {1, 2};
    c.groupB = {3, 4};
    CellComparison cell = crDeEnCell();
    cell.seeds.valuesA = {0.6, 0.62};
    cell.seeds.valuesB = {0.54, 0.56};
    cell.seeds.df = 2.0;
    cell.seeds.p = 0.02;
    cell.seeds.pHolm = 0.004;
    c.cells = {cell};
    const Table table = comparisonTable(c, "hybrid", "multitask");
    const std::string md = renderMarkdown(table);
    EXPECT_NE(md.find("| 0.6100 (0.6000, 0.6200) | 0.5500 (0.5400, 0.5600) | 0.0600\\*\\*†† | "
                      "0.0040 | 0.0030 | 0.0040 |"),
              std::string::npos)
        << md;
    EXPECT_NE(table.note.find("Welch's t-test over per-seed means"), std::string::npos);
    EXPECT_NE(table.note.find("2 vs 2 seeds), Holm-Bonferroni corrected over the 1 cells"),
              std::string::npos)
        << table.note;
    EXPECT_NE(table.note.find("could give no p below 0.333"), std::string::npos) << table.note;
    EXPECT_NE(renderLatex(table).find("0.0600$^{**\\dagger \\dagger }$"), std::string::npos);
    TempDir dir;
    ExportOptions options;
    options.outDir = dir.path().string();
    const std::string path = exportComparison(c, "hybrid", "multitask", options).value().at(0);
    EXPECT_NE(fileBytes(path).find(",0.003,2,2,0.6;0.62,0.54;0.56,2,0.02,0.004\r\n"),
              std::string::npos)
        << fileBytes(path);
}

}  // namespace
}  // namespace mtrec::store
