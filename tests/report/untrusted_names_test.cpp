// Input that should not be trusted (issue 12, item 6): run names, tags and notes holding quotes,
// line breaks, SQL fragments and the special characters of every export format round-trip through
// the store byte for byte, and each export writes them as its format needs: CSV quotes (RFC 4180),
// Markdown escapes, LaTeX escapes — read back from the files `mtrec runs export` writes.
#include <gtest/gtest.h>

#include <algorithm>

#include "report/run_export.h"
#include "report/table_format.h"
#include "store_test_support.h"

namespace mtrec::store {
namespace {

using mtrec::test::TempDir;
using test::fileBytes;

const std::string kSqlName = "x'); DROP TABLE runs;--";
const std::string kQuotedLines = "say \"hi\"\nand 'bye'\r\n\ttabbed";
const std::string kCsvName = "a,b\"c";
const std::string kLatexName = "50%_\\&";

TEST(UntrustedText, NamesTagsNotesAndConfigsRoundTripByteForByte) {
    TempDir dir;
    ExperimentStore store = test::openStore(dir.path() / "e.db");
    const std::string config = "{\"name\": \"" + std::string("q\\\"uote") + "\"}";
    const std::int64_t id = test::addRun(store, kSqlName, "hybrid", 1, config);
    const std::string nul("a\0b", 3);
    for (const std::string& tag : {kSqlName, kQuotedLines, kCsvName, nul})
        ASSERT_TRUE(store.runs().addTag(id, tag));
    for (const std::string& note : {kQuotedLines, kSqlName, std::string("ünïcødé ✓")})
        ASSERT_TRUE(store.runs().addNote(id, note));

    ExperimentStore reopened = test::openStore(dir.path() / "e.db");
    const RunRecord run = reopened.runs().get(id).value();
    EXPECT_EQ(run.name, kSqlName);
    EXPECT_EQ(run.configJson, config);
    std::vector<std::string> tags{kSqlName, kQuotedLines, kCsvName, nul};
    std::sort(tags.begin(), tags.end());
    EXPECT_EQ(run.tags, tags);
    const std::vector<Note> notes = reopened.runs().notes(id).value();
    ASSERT_EQ(notes.size(), 3u);
    EXPECT_EQ(notes[0].text, kQuotedLines);
    EXPECT_EQ(notes[1].text, kSqlName);
    EXPECT_EQ(notes[2].text, "ünïcødé ✓");
    EXPECT_EQ(test::count(reopened, "SELECT count(*) FROM runs"), 1);
}

/// A store of two finished runs named `a,b"c` and `50%_\&` with one Mo value each.
class UntrustedExport : public ::testing::Test {
protected:
    void SetUp() override {
        store_ = std::make_unique<ExperimentStore>(test::openStore(dir_.path() / "e.db"));
        for (const std::string& name : {kCsvName, kLatexName}) {
            const std::int64_t id = test::addRun(*store_, name, "mono", 1);
            ASSERT_TRUE(store_->results().record(id, {test::cell("Mo", "all", "all", 0.5)}, {}));
            ids_.push_back(id);
        }
    }
    /// The summary file of an export in `format`.
    std::string summary(report::ExportFormat format, const std::string& folder) {
        report::ExportOptions options;
        options.format = format;
        options.outDir = (dir_.path() / folder).string();
        Result<std::vector<std::string>> files = report::exportRuns(*store_, ids_, options);
        if (!files) ADD_FAILURE() << files.error().message;
        return files ? fileBytes(files.value().front()) : "";
    }
    TempDir dir_;
    std::unique_ptr<ExperimentStore> store_;
    std::vector<std::int64_t> ids_;
};

TEST_F(UntrustedExport, CsvQuotesTheCommaAndDoublesTheQuote) {
    const std::string csv = summary(report::ExportFormat::Csv, "csv");
    EXPECT_NE(csv.find("\r\n1,\"a,b\"\"c\",mono,1,queued,xquad-r,Mo,map,0.5,"), std::string::npos)
        << csv;
    EXPECT_NE(csv.find("\r\n2,50%_\\&,mono,1,queued,xquad-r,Mo,map,0.5,"), std::string::npos)
        << csv;
}

TEST_F(UntrustedExport, MarkdownEscapesTheUnderscoreAndTheBackslash) {
    const std::string md = summary(report::ExportFormat::Markdown, "md");
    EXPECT_NE(md.find("| 1 | a,b\"c | mono |"), std::string::npos) << md;
    EXPECT_NE(md.find("| 2 | 50%\\_\\\\& | mono |"), std::string::npos) << md;
}

TEST_F(UntrustedExport, LatexEscapesPercentUnderscoreBackslashAndAmpersand) {
    const std::string tex = summary(report::ExportFormat::Latex, "tex");
    EXPECT_NE(tex.find("\n1 & a,b\"c & mono"), std::string::npos) << tex;
    EXPECT_NE(tex.find("\n2 & 50\\%\\_\\textbackslash{}\\& & mono"), std::string::npos) << tex;
}

TEST(UntrustedMarkdown, BackquotesAndHtmlTagsStayText) {
    const report::Table table{"", {"Run"}, {{"<b>bold</b> `code | x`"}, {"p < 0.05"}}, {false}, ""};
    EXPECT_EQ(report::renderMarkdown(table),
              "| Run |\n| --- |\n| \\<b>bold\\</b> \\`code \\| x\\` |\n| p < 0.05 |\n");
}

TEST(UntrustedMarkdown, LinksStrikeThroughAndCharacterReferencesStayText) {
    const report::Table table{
        "",
        {"Run"},
        {{"[click](http://x) ![i][r] [plain] ~~gone~~"}, {"&lt;b&gt; &#60; R&D a & b &;"}},
        {false},
        ""};
    EXPECT_EQ(report::renderMarkdown(table),
              "| Run |\n| --- |\n| [click\\](http://x) ![i\\][r] [plain] \\~\\~gone\\~\\~ |\n"
              "| \\&lt;b\\&gt; \\&#60; R&D a & b &; |\n");
}

TEST(UntrustedMarkdown, ANoteThatWouldStartAHeadingOrListStaysAParagraph) {
    const report::Table heading{"", {"Run"}, {{"-0.5"}}, {false}, "# not a heading"};
    EXPECT_EQ(report::renderMarkdown(heading), "| Run |\n| --- |\n| -0.5 |\n\n\\# not a heading\n");
    const report::Table list{"", {"Run"}, {{"x"}}, {false}, "- not a list"};
    EXPECT_EQ(report::renderMarkdown(list), "| Run |\n| --- |\n| x |\n\n\\- not a list\n");
    const report::Table definition{"", {"Run"}, {{"x"}}, {false}, "[x]: http://y"};
    EXPECT_EQ(report::renderMarkdown(definition), "| Run |\n| --- |\n| x |\n\n\\[x]: http://y\n");
}

}  // namespace
}  // namespace mtrec::store
