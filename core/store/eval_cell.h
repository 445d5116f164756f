#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "eval/suite_evaluation.h"

namespace mtrec::store {

/// The language field value meaning "every language": in cand_lang, the Mul pool of all languages'
/// candidates; in query_lang, an average over query languages.
inline constexpr const char* kAllLanguages = "all";

/// The inverse of eval::settingName ("Mo", "Cr", "Mul"); nullopt for any other text.
std::optional<eval::Setting> settingFromName(std::string_view name);

/// The language-bias measures the store keeps next to trec_eval's metrics (see suiteRecord).
enum class BiasMeasure {
    MulMeanRank,    ///< "mul_mean_rank" at (Mul, X, Y): mean Mul rank of the relevant Y candidate
    MulTop10Share,  ///< "mul_top10_share" at (Mul, X, Y): share of X queries with it in the top 10
    RankDistance,   ///< "rank_distance" at (Mul, X, all) and (Mul, all, all)
};

/// What makes a comparison untrustworthy, kept beside the metrics (see suiteRecord). Not measures
/// of retrieval quality: kAllMeasures leaves them out; kDiagnosticMeasures lists them.
enum class DiagnosticMeasure {
    /// "unk_share" at (Mo, X, X): share of <unk> among the tokens of X's queries and candidates
    /// (runs with a tokenizer only).
    UnkShare,
    /// "tied_relevant" at every cell: pair queries whose relevant candidate's score ties another
    /// candidate's (a count; queryCount = the cell's pair queries).
    TiedRelevant,
};

inline constexpr std::size_t kBiasMeasureCount = 3;

/// What one eval_results row measures: one of trec_eval's metrics, a bias measure or a diagnostic.
/// Converts implicitly from each, so `cell.metric == eval::Metric::Map` reads as it should. Ordered
/// by stored name (measureName), as the text column sorts, so maps keyed by it iterate in the order
/// the tables have always been printed in.
class Measure {
public:
    constexpr Measure(eval::Metric metric) : index_(static_cast<int>(metric)) {}
    constexpr Measure(BiasMeasure bias)
        : index_(static_cast<int>(eval::kMetricCount) + static_cast<int>(bias)) {}
    constexpr Measure(DiagnosticMeasure diagnostic)
        : index_(static_cast<int>(eval::kMetricCount + kBiasMeasureCount) +
                 static_cast<int>(diagnostic)) {}

    /// The trec_eval metric, or nullopt for any other measure.
    std::optional<eval::Metric> metric() const;
    /// The bias measure, or nullopt for any other measure.
    std::optional<BiasMeasure> bias() const;
    /// The diagnostic, or nullopt for any other measure.
    std::optional<DiagnosticMeasure> diagnostic() const;

    friend constexpr bool operator==(Measure a, Measure b) { return a.index_ == b.index_; }
    friend constexpr bool operator!=(Measure a, Measure b) { return a.index_ != b.index_; }
    friend bool operator<(Measure a, Measure b);

private:
    int index_;
};

/// Every measure the store can hold: the seven trec_eval metrics, then the three bias measures.
inline constexpr std::array<Measure, eval::kMetricCount + 3> kAllMeasures = {
    eval::Metric::Map,        eval::Metric::RecipRank,  eval::Metric::Recall1,
    eval::Metric::Recall10,   eval::Metric::Recall100,  eval::Metric::P1,
    eval::Metric::NdcgCut10,  BiasMeasure::MulMeanRank, BiasMeasure::MulTop10Share,
    BiasMeasure::RankDistance};

/// The diagnostics, in DiagnosticMeasure order.
inline constexpr std::array<Measure, 2> kDiagnosticMeasures = {DiagnosticMeasure::UnkShare,
                                                               DiagnosticMeasure::TiedRelevant};

/// The text stored in eval_results.metric: trec_eval's name ("map", "recip_rank", ...), the bias
/// measure's ("mul_mean_rank", "mul_top10_share", "rank_distance") or the diagnostic's
/// ("unk_share", "tied_relevant").
std::string_view measureName(Measure measure);
/// The inverse of measureName; nullopt for any other text.
std::optional<Measure> measureFromName(std::string_view name);

inline bool operator<(Measure a, Measure b) {
    return measureName(a) < measureName(b);
}

/// Where a value sits (eval_results):
///  - a language-pair cell: setting Mo (X, X) or Cr (X, Y != X), value = mean over X's queries;
///  - a Mul cell: setting Mul (X, "all");
///  - a setting summary: (setting, "all", "all") = the macro average of that setting's cells, which
///    is what run lists show as Mo/Cr/Mul;
///  - bias measures: (Mul, X, Y), (Mul, X, "all") and (Mul, "all", "all") (see BiasMeasure);
///  - diagnostics: unk_share at (Mo, X, X), tied_relevant at each language-pair and Mul cell.
struct CellKey {
    std::string suite;  ///< e.g. "xquad-r"
    eval::Setting setting = eval::Setting::Mo;
    std::string queryLang;  ///< language code or kAllLanguages
    std::string candLang;   ///< language code or kAllLanguages

    /// By suite, setting name ("Cr" < "Mo" < "Mul"), query language, candidate language: the
    /// order of the stored text.
    bool operator<(const CellKey& o) const {
        const std::string_view name = eval::settingName(setting);
        const std::string_view otherName = eval::settingName(o.setting);
        return std::tie(suite, name, queryLang, candLang) <
               std::tie(o.suite, otherName, o.queryLang, o.candLang);
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
    Measure metric = eval::Metric::Map;
    double value = 0.0;
    std::string definition;
    /// How many queries the value averages; nullopt where that is not one number (setting
    /// summaries, mean ranks) or was not recorded (rows written by schema version 1 without it in
    /// their definition).
    std::optional<std::int64_t> queryCount;
};

/// One query's value of a metric in a cell (the per-query line of trec_eval -q); the cell's value
/// is the mean of these. Stored only together with (or after) the EvalCell of the same key and
/// metric.
struct PerQueryValue {
    CellKey key;
    Measure metric = eval::Metric::Map;
    std::string qid;
    double value = 0.0;
};

/// A per-query value without its cell, as loaded for one cell.
struct QueryValue {
    std::string qid;
    double value = 0.0;
};

}  // namespace mtrec::store
