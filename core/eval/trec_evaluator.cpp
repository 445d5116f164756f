#include "eval/trec_evaluator.h"

#include <algorithm>
#include <functional>
#include <vector>

#include "eval/metrics.h"

namespace mtrec::eval {

namespace {

// The grades of a query's relevant judgments, highest first (trec_eval's ideal ordering).
std::vector<int> idealGradesOf(const std::map<std::string, int>& judged) {
    std::vector<int> grades;
    for (const auto& [docno, grade] : judged)
        if (grade >= 1) grades.push_back(grade);
    std::sort(grades.begin(), grades.end(), std::greater<int>());
    return grades;
}

MetricValues evaluateQuery(const std::map<std::string, int>& judged,
                           const std::vector<data::TrecRunEntry>& entries) {
    std::vector<const data::TrecRunEntry*> ranking;
    ranking.reserve(entries.size());
    for (const data::TrecRunEntry& entry : entries) ranking.push_back(&entry);
    std::sort(ranking.begin(), ranking.end(),
              [](const data::TrecRunEntry* a, const data::TrecRunEntry* b) {
                  if (a->score != b->score) return a->score > b->score;
                  return a->docno > b->docno;
              });
    std::vector<RankedRelevant> retrieved;
    for (std::size_t i = 0; i < ranking.size(); ++i) {
        const auto found = judged.find(ranking[i]->docno);
        if (found != judged.end() && found->second >= 1)
            retrieved.push_back({i + 1, found->second});
    }
    return computeMetrics(retrieved, idealGradesOf(judged));
}

// trec_eval rejects a docno retrieved twice for one query, whatever its scores.
bool hasDuplicateDocno(const std::vector<data::TrecRunEntry>& entries) {
    std::vector<const std::string*> docnos;
    docnos.reserve(entries.size());
    for (const data::TrecRunEntry& entry : entries) docnos.push_back(&entry.docno);
    std::sort(docnos.begin(), docnos.end(),
              [](const std::string* a, const std::string* b) { return *a < *b; });
    for (std::size_t i = 1; i < docnos.size(); ++i)
        if (*docnos[i] == *docnos[i - 1]) return true;
    return false;
}

}  // namespace

Result<RunEvaluation> evaluateRun(const data::TrecQrels& qrels, const data::TrecRun& run,
                                  const RunEvaluationOptions& options) {
    if (qrels.empty())
        return Error{"no queries with both results and relevance info (empty qrels)"};
    const std::vector<data::TrecRunEntry> emptyRanking;
    RunEvaluation evaluation;
    MetricValues sum{};
    for (const auto& [qid, judged] : qrels) {
        const auto found = run.find(qid);
        if (found == run.end() && !options.completeQueries)
            return Error{"query '" + qid +
                         "' of the qrels has no results in the run "
                         "(trec_eval 10 stops here unless -c is given)"};
        const std::vector<data::TrecRunEntry>& entries =
            found == run.end() ? emptyRanking : found->second;
        if (hasDuplicateDocno(entries))
            return Error{"query '" + qid + "': a docno is retrieved twice"};
        const MetricValues values = evaluateQuery(judged, entries);
        accumulate(sum, values);
        evaluation.perQuery.emplace(qid, values);
    }
    evaluation.mean = divided(sum, evaluation.perQuery.size());
    return evaluation;
}

}  // namespace mtrec::eval
