#include "data/miracl_reader.h"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "data/dataset_dir.h"
#include "common/line_reader.h"
#include "data/passage_corpus.h"
#include "data/trec_files.h"

namespace mtrec::data {
namespace {

namespace fs = std::filesystem;
using QidIndex = std::unordered_map<std::string, std::size_t>;

const std::string kTopicsPrefix = "topics.miracl-v1.0-";
const std::string kDevSuffix = "-dev.tsv";

std::string topicsPath(const std::string& dir, const std::string& lang) {
    return (fs::path(dir) / "topics" / (kTopicsPrefix + lang + kDevSuffix)).string();
}

std::string qrelsPath(const std::string& dir, const std::string& lang) {
    return (fs::path(dir) / "qrels" / ("qrels.miracl-v1.0-" + lang + kDevSuffix)).string();
}

/// The corpus files of `lang`, sorted; empty when there are none.
std::vector<std::string> corpusFiles(const std::string& dir, const std::string& lang) {
    std::error_code ec;
    const fs::path single = fs::path(dir) / "corpus" / (lang + ".jsonl");
    if (fs::is_regular_file(single, ec)) return {single.string()};
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(fs::path(dir) / "corpus" / lang, ec))
        if (entry.is_regular_file(ec) && entry.path().extension() == ".jsonl")
            files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

Error noCorpus(const std::string& dir, const std::string& lang) {
    const fs::path corpus = fs::path(dir) / "corpus";
    return Error{corpus.string() + ": no MIRACL passages for language '" + lang +
                 "'. MIRACL's topics/qrels " +
                 "download holds no passage texts: get them from the Hugging Face dataset " +
                 "miracl/miracl-corpus (decompress its .jsonl.gz files) and put them at " +
                 (corpus / (lang + ".jsonl")).string() + " or as *.jsonl files in " +
                 (corpus / lang).string() + ", one {\"docid\", \"title\", \"text\"} object a line"};
}

Status readTopics(const std::string& path, LanguageData& language, QidIndex& index) {
    Result<LineReader> opened = LineReader::open(path);
    if (!opened) return opened.error();
    LineReader& reader = opened.value();
    std::string_view line;
    while (reader.next(line)) {
        if (isBlank(line)) continue;
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos || tab == 0)
            return Error{reader.where() + ": expected qid<TAB>query"};
        std::string qid(line.substr(0, tab));
        if (!index.emplace(qid, language.queries.size()).second)
            return Error{reader.where() + ": query " + qid + " listed twice"};
        language.queries.push_back(Query{std::move(qid), std::string(line.substr(tab + 1))});
    }
    return success();
}

/// "path:line" of the first qrels line for (qid, docno), or of qid's first line when docno is
/// empty.
std::string qrelsPlace(const std::string& path, const std::string& qid, const std::string& docno) {
    Result<LineReader> opened = LineReader::open(path);
    if (!opened) return path;
    std::vector<std::string_view> fields;
    std::string_view line;
    while (opened.value().next(line)) {
        splitWhitespace(line, fields);
        if (fields.size() >= 3 && fields[0] == qid && (docno.empty() || fields[2] == docno))
            return opened.value().where();
    }
    return path;
}

Status addJudgments(const std::string& path, const TrecQrels& qrels, const QidIndex& topics,
                    const PassageCorpus& corpus, std::size_t languageIndex, LanguageData& language,
                    const std::string& topicsFile) {
    language.judgments.assign(language.queries.size(), {});
    for (const auto& [qid, judged] : qrels) {
        const auto query = topics.find(qid);
        if (query == topics.end())
            return Error{qrelsPlace(path, qid, "") + ": query " + qid +
                         " has judgments but no topic in " + topicsFile};
        for (const auto& [docno, grade] : judged) {
            const auto passage = corpus.index.find(docno);
            if (passage == corpus.index.end())
                return Error{qrelsPlace(path, qid, docno) + ": docid " + docno +
                             " is not in the corpus (" + std::to_string(corpus.files.size()) +
                             " file(s), first " + corpus.files.front() + ")"};
            language.judgments[query->second].push_back(
                Judgment{languageIndex, passage->second, grade});
        }
    }
    return success();
}

Result<LanguageData> readLanguage(const std::string& dir, const std::string& lang,
                                  std::size_t languageIndex) {
    const std::vector<std::string> files = corpusFiles(dir, lang);
    if (files.empty()) return noCorpus(dir, lang);
    LanguageData language;
    language.code = lang;
    QidIndex topics;
    const std::string topicsFile = topicsPath(dir, lang);
    if (Status read = readTopics(topicsFile, language, topics); !read) return read.error();
    Result<TrecQrels> qrels = readTrecQrels(qrelsPath(dir, lang));
    if (!qrels) return qrels.error();
    PassageCorpus corpus;
    for (const std::string& file : files)
        if (Status read = readPassagesJsonl(file, corpus); !read) return read.error();
    if (Status linked = addJudgments(qrelsPath(dir, lang), qrels.value(), topics, corpus,
                                     languageIndex, language, topicsFile);
        !linked)
        return linked.error();
    language.candidates = std::move(corpus.passages);
    return language;
}

std::optional<std::string> topicsLanguage(const std::string& fileName) {
    if (fileName.size() <= kTopicsPrefix.size() + kDevSuffix.size() ||
        fileName.rfind(kTopicsPrefix, 0) != 0 ||
        fileName.compare(fileName.size() - kDevSuffix.size(), kDevSuffix.size(), kDevSuffix) != 0)
        return std::nullopt;
    return fileName.substr(kTopicsPrefix.size(),
                           fileName.size() - kTopicsPrefix.size() - kDevSuffix.size());
}

}  // namespace

std::vector<std::string> miraclLanguages(const std::string& dir) {
    Result<std::vector<std::string>> codes =
        chooseLanguages((fs::path(dir) / "topics").string(), {}, topicsLanguage, "");
    return codes ? codes.value() : std::vector<std::string>();
}

bool miraclCorpusPresent(const std::string& dir, const std::string& lang) {
    return !corpusFiles(dir, lang).empty();
}

Result<RetrievalSuite> readMiracl(const std::string& dir,
                                  const std::vector<std::string>& languages) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Error{dir + ": folder not found"};
    Result<std::vector<std::string>> codes =
        chooseLanguages((fs::path(dir) / "topics").string(), languages, topicsLanguage,
                        "topics.miracl-v1.0-<lang>-dev.tsv");
    if (!codes) return codes.error();
    RetrievalSuite suite;
    suite.name = "miracl";
    suite.parallel = false;
    for (const std::string& lang : codes.value()) {
        Result<LanguageData> language = readLanguage(dir, lang, suite.languages.size());
        if (!language) return language.error();
        suite.languages.push_back(std::move(language).value());
    }
    return suite;
}

}  // namespace mtrec::data
