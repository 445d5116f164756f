#pragma once

#include <string>
#include <tuple>

namespace mtrec::store {

/// The language field value meaning "every language": in cand_lang, the Mul pool of all languages'
/// candidates; in query_lang, an average over query languages.
inline constexpr const char* kAllLanguages = "all";

/// How values are stored (eval_results):
///  - a language-pair cell: setting Mo (X, X) or Cr (X, Y != X), value = mean over X's queries;
///  - a Mul cell: setting Mul (X, "all");
///  - a setting summary: (setting, "all", "all") = the macro average of that setting's cells, which
///  is
///    what run lists show as Mo/Cr/Mul.
/// Metric names are trec_eval's ("map", "recip_rank", "recall_1", "recall_10", "P_1",
/// "ndcg_cut_10").
struct CellKey {
    std::string suite;      ///< e.g. "xquad-r"
    std::string setting;    ///< "Mo", "Cr" or "Mul"
    std::string queryLang;  ///< language code or kAllLanguages
    std::string candLang;   ///< language code or kAllLanguages

    bool operator<(const CellKey& o) const {
        return std::tie(suite, setting, queryLang, candLang) <
               std::tie(o.suite, o.setting, o.queryLang, o.candLang);
    }
    bool operator==(const CellKey& o) const {
        return std::tie(suite, setting, queryLang, candLang) ==
               std::tie(o.suite, o.setting, o.queryLang, o.candLang);
    }
    bool isSummary() const { return queryLang == kAllLanguages && candLang == kAllLanguages; }
};

/// One evaluation number with the text that says how to recompute it, e.g.
/// "trec_eval 10 map over the whole ranking; pool=de candidates (1276)".
struct EvalCell {
    CellKey key;
    std::string metric;
    double value = 0.0;
    std::string definition;
};

/// One query's value of a metric in a cell (the per-query line of trec_eval -q); the cell's value
/// is the mean of these. Stored only together with (or after) the EvalCell of the same key and
/// metric.
struct PerQueryValue {
    CellKey key;
    std::string metric;
    std::string qid;
    double value = 0.0;
};

/// A per-query value without its cell, as loaded for one cell.
struct QueryValue {
    std::string qid;
    double value = 0.0;
};

}  // namespace mtrec::store
