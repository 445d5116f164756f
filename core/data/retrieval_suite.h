#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace mtrec::data {

/// A retrieval candidate: one sentence (XQuAD-R, MLQA-R) or passage (MIRACL).
struct Candidate {
    std::string docno;  ///< Unique across the whole suite and stable, e.g. "de:17:3".
    std::string text;
};

struct Query {
    std::string qid;  ///< Unique within its language; parallel queries share it (XQuAD-R, MLQA).
    std::string text;
};

/// One judged candidate for a query, as a qrels line would state it.
struct Judgment {
    std::size_t language = 0;   ///< Index into RetrievalSuite::languages (the candidate's language).
    std::size_t candidate = 0;  ///< Index into that language's candidates.
    int relevance = 1;          ///< qrels grade; >= 1 counts as relevant, as in trec_eval.
};

struct LanguageData {
    std::string code;  ///< ISO 639-1 code, e.g. "en".
    std::vector<Query> queries;
    std::vector<Candidate> candidates;
    /// judgments[i] lists every judged candidate, in any language, for queries[i].
    std::vector<std::vector<Judgment>> judgments;
};

/// A benchmark in retrieval form: per language, its queries, its candidate pool and the judgments that
/// link queries to candidates of any language. Mo pairs a language with itself, Cr with another, Mul
/// ranks a language's queries against every language's candidates at once.
struct RetrievalSuite {
    std::string name;       ///< "xquad-r", "mlqa-r" or "miracl".
    bool parallel = true;   ///< Cr and Mul exist only for parallel suites (not MIRACL).
    std::vector<LanguageData> languages;

    std::size_t languageIndex(const std::string& code) const {
        for (std::size_t i = 0; i < languages.size(); ++i)
            if (languages[i].code == code) return i;
        return languages.size();
    }
};

}  // namespace mtrec::data
