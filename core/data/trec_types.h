#pragma once

#include <map>
#include <string>
#include <vector>

namespace mtrec::data {

/// Relevance judgments in TREC form: qid -> docno -> grade (>= 1 relevant, <= 0 judged not relevant).
using TrecQrels = std::map<std::string, std::map<std::string, int>>;

struct TrecRunEntry {
    std::string docno;
    double score = 0.0;
};

/// A TREC run: qid -> retrieved documents in file order. trec_eval ignores the rank column and orders
/// each query's documents by score descending, then docno descending; so does this project.
using TrecRun = std::map<std::string, std::vector<TrecRunEntry>>;

}  // namespace mtrec::data
