#include "data/miracl_reader.h"

#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include "data/trec_files.h"
#include "expect_error.h"
#include "test_support.h"

namespace mtrec::data {
namespace {

using test::expectError;
using test::TempDir;
using Strings = std::vector<std::string>;

/// German as one corpus file, Swahili as a folder of two (read in name order). "d3" has no title.
void writeFixture(const TempDir& dir) {
    dir.write("topics/topics.miracl-v1.0-de-dev.tsv", "1\tWer ist Ünïcode?\n2\tWo liegt Berlin?\n");
    dir.write("qrels/qrels.miracl-v1.0-de-dev.tsv",
              "1\tQ0\td2#0\t1\n1\tQ0\td1#0\t0\n2\tQ0\td3#1\t1\n");
    dir.write("corpus/de.jsonl",
              "{\"docid\": \"d1#0\", \"title\": \"Ünïcode\", \"text\": \"Ein Text.\"}\n"
              "{\"docid\": \"d2#0\", \"title\": \"Berlin\", \"text\": \"Hauptstadt.\"}\n\n"
              "{\"docid\": \"d3#1\", \"text\": \"Ohne Titel.\"}\n");
    dir.write("topics/topics.miracl-v1.0-sw-dev.tsv", "7\tswali\n");
    dir.write("qrels/qrels.miracl-v1.0-sw-dev.tsv", "7 Q0 s1 1\n7 Q0 s2 0\n");
    dir.write("corpus/sw/b.jsonl", "{\"docid\": \"s1\", \"title\": \"\", \"text\": \"kwanza\"}\n");
    dir.write("corpus/sw/a.jsonl", "{\"docid\": \"s2\", \"title\": \"T\", \"text\": \"pili\"}\n");
    dir.write("corpus/sw/notes.txt", "not a corpus file");
}

std::vector<std::string> judged(const RetrievalSuite& suite, const LanguageData& language,
                                std::size_t query) {
    std::vector<std::string> out;
    for (const Judgment& j : language.judgments[query])
        out.push_back(suite.languages[j.language].candidates[j.candidate].docno + ":" +
                      std::to_string(j.relevance));
    return out;
}

TEST(MiraclReader, ReadsTopicsQrelsAndPassages) {
    TempDir dir;
    writeFixture(dir);
    Result<RetrievalSuite> read = readMiracl(dir.path().string(), {});
    ASSERT_TRUE(read.ok()) << read.error().message;
    const RetrievalSuite& suite = read.value();
    EXPECT_EQ(suite.name, "miracl");
    EXPECT_FALSE(suite.parallel);
    ASSERT_EQ(suite.languages.size(), 2u);
    const LanguageData& de = suite.languages[0];
    const LanguageData& sw = suite.languages[1];
    ASSERT_EQ(de.candidates.size(), 3u);
    EXPECT_EQ(de.candidates[0].docno, "d1#0");
    EXPECT_EQ(de.candidates[0].text, "Ünïcode Ein Text.");
    EXPECT_EQ(de.candidates[2].text, "Ohne Titel.");
    ASSERT_EQ(de.queries.size(), 2u);
    EXPECT_EQ(de.queries[0].qid, "1");
    EXPECT_EQ(de.queries[0].text, "Wer ist Ünïcode?");
    EXPECT_EQ(judged(suite, de, 0),
              (Strings{"d1#0:0", "d2#0:1"}));  // qrels map order, grade 0 kept
    EXPECT_EQ(judged(suite, de, 1), (Strings{"d3#1:1"}));
    ASSERT_EQ(sw.candidates.size(), 2u);
    EXPECT_EQ(sw.candidates[0].text, "T pili");  // a.jsonl before b.jsonl
    EXPECT_EQ(sw.candidates[1].text, "kwanza");  // empty title
    EXPECT_EQ(judged(suite, sw, 0), (Strings{"s1:1", "s2:0"}));
    EXPECT_EQ(sw.judgments[0][0].language, 1u);
    EXPECT_TRUE(miraclCorpusPresent(dir.path().string(), "sw"));
    EXPECT_TRUE(miraclCorpusPresent(dir.path().string(), "de"));
    EXPECT_FALSE(miraclCorpusPresent(dir.path().string(), "fr"));
}

TEST(MiraclReader, MissingCorpusSaysWhereToPutIt) {
    TempDir dir;
    writeFixture(dir);
    dir.write("topics/topics.miracl-v1.0-fr-dev.tsv", "1\tq\n");
    const std::string corpus = (dir.path() / "corpus").string();
    expectError(readMiracl(dir.path().string(), {"fr"}),
                {corpus + ": no MIRACL passages for language 'fr'", "holds no passage texts",
                 "miracl/miracl-corpus", corpus + "/fr.jsonl", corpus + "/fr"});
}

/// Rewrites one fixture file, then expects readMiracl to fail with `parts`.
void expectFixtureError(const std::string& file, const std::string& content,
                        std::initializer_list<std::string> parts) {
    TempDir dir;
    writeFixture(dir);
    dir.write(file, content);
    expectError(readMiracl(dir.path().string(), {"de"}), parts);
    expectError(readMiracl(dir.path().string(), {"de"}), {(dir.path() / file).string() + ":"});
}

TEST(MiraclReader, ErrorsNameFileAndLine) {
    expectFixtureError(
        "corpus/de.jsonl",
        "{\"docid\": \"d1#0\", \"text\": \"a\"}\n{\"docid\": \"d2#0\", \"text\": }\n",
        {"de.jsonl:2:27: invalid JSON"});
    expectFixtureError(
        "corpus/de.jsonl",
        "{\"docid\": \"d1#0\", \"text\": \"a\"}\n{\"title\": \"x\", \"text\": \"b\"}\n",
        {"de.jsonl:2: $: missing key 'docid'"});
    expectFixtureError("corpus/de.jsonl", "{\"docid\": \"d1#0\", \"text\": 5}\n",
                       {"de.jsonl:1: $.text: expected a string, found a number"});
    expectFixtureError("corpus/de.jsonl", "[\"d1#0\"]\n", {"de.jsonl:1: $: expected an object"});
    expectFixtureError(
        "corpus/de.jsonl",
        "{\"docid\": \"d1#0\", \"text\": \"a\"}\n{\"docid\": \"d1#0\", \"text\": \"b\"}\n",
        {"de.jsonl:2: docid d1#0 repeated (first at ", "de.jsonl:1)"});
    expectFixtureError("qrels/qrels.miracl-v1.0-de-dev.tsv", "1\tQ0\td1#0\t1\n2\tQ0\td9#9\t1\n",
                       {"qrels.miracl-v1.0-de-dev.tsv:2: docid d9#9 is not in the corpus"});
    expectFixtureError("qrels/qrels.miracl-v1.0-de-dev.tsv", "1\tQ0\td1#0\t1\n3\tQ0\td2#0\t1\n",
                       {"qrels.miracl-v1.0-de-dev.tsv:2: query 3 has judgments but no topic in "});
    expectFixtureError("qrels/qrels.miracl-v1.0-de-dev.tsv", "1\tQ0\td1#0\n",
                       {"dev.tsv:1: expected 4 fields"});
    expectFixtureError("topics/topics.miracl-v1.0-de-dev.tsv", "1\tq\n2 no tab\n",
                       {"topics.miracl-v1.0-de-dev.tsv:2: expected qid<TAB>query"});
    expectFixtureError("topics/topics.miracl-v1.0-de-dev.tsv", "1\tq\n2\tr\n1\ts\n",
                       {"topics.miracl-v1.0-de-dev.tsv:3: query 1 listed twice"});
}

TEST(MiraclReader, RealTopicsAndQrelsWithAStandInCorpus) {
    MTREC_REQUIRE_DATASET("miracl");
    const std::filesystem::path real = datasetRoot / "miracl";
    EXPECT_FALSE(miraclCorpusPresent(real.string(), "de"));
    expectError(readMiracl(real.string(), {"de"}), {"no MIRACL passages for language 'de'"});

    // Link the real topics and qrels into a temporary folder and give it one stand-in passage per
    // judged docid, so everything but the passage texts comes from the real files.
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "topics");
    std::filesystem::create_directories(dir.path() / "qrels");
    for (const char* file :
         {"topics/topics.miracl-v1.0-de-dev.tsv", "qrels/qrels.miracl-v1.0-de-dev.tsv"})
        std::filesystem::create_symlink(real / file, dir.path() / file);
    const TrecQrels qrels =
        readTrecQrels((real / "qrels/qrels.miracl-v1.0-de-dev.tsv").string()).value();
    std::set<std::string> docids;  // a docid may be judged for several queries
    for (const auto& [qid, judged] : qrels)
        for (const auto& [docid, grade] : judged) docids.insert(docid);
    std::string corpus;
    for (const std::string& docid : docids)
        corpus += "{\"docid\": \"" + docid + "\", \"text\": \"p\"}\n";
    dir.write("corpus/de.jsonl", corpus);

    Result<RetrievalSuite> read = readMiracl(dir.path().string(), {});
    ASSERT_TRUE(read.ok()) << read.error().message;
    const LanguageData& de = read.value().languages.at(0);
    EXPECT_EQ(de.queries.size(), 305u);
    EXPECT_EQ(de.candidates.size(), docids.size());
    std::size_t judgments = 0, relevant = 0;
    for (const auto& list : de.judgments) {
        EXPECT_FALSE(list.empty());
        judgments += list.size();
        for (const Judgment& j : list) relevant += j.relevance >= 1;
    }
    EXPECT_EQ(judgments, 3144u);  // counts from the dataset README
    EXPECT_EQ(relevant, 811u);
}

}  // namespace
}  // namespace mtrec::data
