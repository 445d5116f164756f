#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/cancel_token.h"
#include "common/progress.h"
#include "common/result.h"
#include "data/retrieval_suite.h"

namespace mtrec::eval {

class Scorer;

/// The seven measures, each computed exactly as trec_eval 10 computes the measure of the same name.
enum class Metric { Map, RecipRank, Recall1, Recall10, Recall100, P1, NdcgCut10 };

inline constexpr std::size_t kMetricCount = 7;
inline constexpr std::array<Metric, kMetricCount> kAllMetrics = {
    Metric::Map,       Metric::RecipRank, Metric::Recall1,  Metric::Recall10,
    Metric::Recall100, Metric::P1,        Metric::NdcgCut10};

/// trec_eval's output name: "map", "recip_rank", "recall_1", "recall_10", "recall_100", "P_1",
/// "ndcg_cut_10".
std::string_view trecName(Metric metric);
/// The inverse of trecName; nullopt for any other name.
std::optional<Metric> metricFromTrecName(std::string_view name);

/// One value per metric, indexed by metricIndex(metric) (= the order of kAllMetrics).
using MetricValues = std::array<double, kMetricCount>;
constexpr std::size_t metricIndex(Metric metric) {
    return static_cast<std::size_t>(metric);
}

/// Mo: query language X against candidates of X. Cr: X against Y != X. Mul: X against the pool of
/// every language's candidates at once.
enum class Setting { Mo, Cr, Mul };
std::string_view settingName(Setting setting);  ///< "Mo", "Cr", "Mul".

/// The candidate-language field of Mul cells and rows (and the "<X>-all" TREC export names).
inline constexpr std::string_view kAllLanguages = "all";

/// Mean of each metric over the pair queries of one (query language, candidate pool) cell. Pair
/// queries are the queries of X with at least one judgment (any grade) in the pool, i.e. the
/// queries trec_eval averages over.
struct CellResult {
    Setting setting = Setting::Mo;
    std::string queryLanguage;      ///< Language code X.
    std::string candidateLanguage;  ///< Language code Y, or kAllLanguages for Mul.
    std::size_t queryCount = 0;     ///< Number of pair queries; the means are 0 when it is 0.
    MetricValues mean{};
    /// Pair queries with a relevant candidate whose score exactly equals another candidate's in
    /// the pool: their ranks fall to the docno tie break (a collapsed tokenizer makes many).
    std::size_t tiedRelevantQueries = 0;
};

/// The metrics of one pair query in one cell (the values trec_eval -q prints for it).
struct QueryResult {
    Setting setting = Setting::Mo;
    std::string queryLanguage;
    std::string candidateLanguage;  ///< As in CellResult.
    std::string qid;
    MetricValues values{};
    /// Mul rows only: max - min over languages of the Mul rank of that language's relevant
    /// candidate (best rank when several); set only when >= 2 languages hold a relevant candidate.
    std::optional<double> rankDistance;
};

/// Macro average of the cell means of one setting: Mo over the X-X cells, Cr over the X-Y (X != Y)
/// cells, Mul over the query languages. Cells with no pair query are left out of the average.
struct SettingSummary {
    Setting setting = Setting::Mo;
    std::size_t cellCount = 0;  ///< Cells averaged.
    MetricValues mean{};
};

/// Language bias in the Mul rankings (parallel suites only). Matrices are indexed [X][Y] in the
/// order of `languages`; a cell with no query of X holding a relevant candidate in Y is NaN.
struct LanguageBias {
    std::vector<std::string> languages;
    /// Mean Mul rank (1-based) of the best-ranked relevant candidate in language Y, over the
    /// queries of language X that have a relevant candidate in Y.
    std::vector<std::vector<double>> meanRank;
    /// Share (0..1) of those same queries whose best relevant candidate in Y is ranked in the
    /// top 10.
    std::vector<std::vector<double>> top10Share;
    /// Per query language: mean rank distance over its queries with a rank distance (NaN if none).
    std::vector<double> rankDistance;
    std::vector<std::size_t>
        rankDistanceQueries;  ///< How many queries each of those means averages.
    /// Mean of rankDistance over the query languages that have one (the paper's language bias).
    double meanRankDistance = 0.0;
};

/// Wall-clock seconds spent in each phase, summed over the whole evaluation.
struct EvaluationTimings {
    double scoringSeconds = 0.0;  ///< Inside Scorer::score (index building included).
    double rankingSeconds = 0.0;  ///< Relevant-candidate ranks and per-query metrics.
    double exportSeconds = 0.0;   ///< Sorting and writing TREC files.
};

/// The tokens of one language's queries and candidates under the scorer's tokenizer and how many
/// are its unknown id (dense scorers; the caller that knows the tokenizer fills these in).
struct UnknownTokens {
    std::string language;
    std::size_t tokens = 0;
    std::size_t unknown = 0;
};

struct SuiteEvaluation {
    std::string suite;                   ///< RetrievalSuite::name.
    std::string runId;                   ///< The scorer's name, e.g. "bm25".
    std::vector<std::string> languages;  ///< Language codes in suite order.
    /// Mo and Cr cells for every (X, Y) in suite order (X outer), then the Mul cell of every X.
    /// Non-parallel suites have Mo cells only.
    std::vector<CellResult> cells;
    std::vector<QueryResult>
        queries;  ///< Per-query rows in the order of `cells`, qids in suite order.
    std::vector<SettingSummary> summaries;  ///< Mo, then Cr and Mul for parallel suites.
    std::optional<LanguageBias> bias;       ///< Parallel suites only.
    /// Per suite language, in suite order, for a scorer with a tokenizer; empty otherwise (BM25).
    std::vector<UnknownTokens> unknownTokens;
    EvaluationTimings timings;
};

struct EvaluationOptions {
    /// Threads for scoring and ranking (>= 1). Results do not depend on it.
    int threads = 1;
    /// Queries scored at once; memory is about queryChunkRows x pool size x 4 bytes, or
    /// queryChunkRows x columnChunk x 4 bytes for a pool searched in bounded memory.
    std::size_t queryChunkRows = 512;
    /// A pool of more candidates than this is searched in bounded memory (bounded_step.h), column
    /// chunk by column chunk, when the scorer can score column chunks (Scorer::scoresColumns).
    /// Metrics are the same either way.
    std::size_t boundedPoolThreshold = 65536;
    /// Candidates scored at once in a bounded search.
    std::size_t columnChunk = 8192;
    /// When set, TREC qrels and runs are written here (created if absent): "<X>-<Y>.qrels/.run" for
    /// every Mo/Cr pair and "<X>-all.qrels/.run" for Mul.
    std::optional<std::string> trecExportDir;
    /// Documents per query in exported runs; 0 writes the whole ranking, which a pool searched in
    /// bounded memory cannot give (evaluateSuite then fails before ranking, saying so).
    std::size_t trecDepth = 100;
    /// Phase::Ranking reports (suite, units done, units in all, etaSeconds), on the calling thread:
    /// a unit is one (query language, pool) step, or in a bounded search one (block of query rows,
    /// column chunk).
    ProgressSink progress;
    /// Read before each chunk of queries is scored; once cancelled, evaluateSuite returns an Error
    /// "cancelled".
    CancelToken cancel;
};

/// Scores every setting of `suite` with `scorer` and computes the metrics, the per-query values,
/// the macro summaries and (parallel suites) the language bias. Metrics are always computed on the
/// whole ranking, so trec_eval on a depth-0 export reproduces them. Fails when the TREC export
/// cannot be written, when it asks for the whole ranking (depth 0) of a pool searched in bounded
/// memory, or when cancelled. The scorer must have been built for this suite; it is
/// called from the calling thread only.
Result<SuiteEvaluation> evaluateSuite(const data::RetrievalSuite& suite, Scorer& scorer,
                                      const EvaluationOptions& options);

}  // namespace mtrec::eval
