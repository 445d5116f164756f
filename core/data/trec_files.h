#pragma once

#include <string>

#include "common/result.h"
#include "data/trec_types.h"

namespace mtrec::data {

/// Reads a qrels file: "qid iter docno rel" per line, whitespace separated (tabs or spaces, so MIRACL's
/// TSV qrels read too). A repeated (qid, docno) pair is an error, as in trec_eval.
Result<TrecQrels> readTrecQrels(const std::string& path);

/// Reads a run file: "qid Q0 docno rank score run_id" per line. A docno retrieved twice for one query is
/// an error ("duplicate docno"), as in trec_eval.
Result<TrecRun> readTrecRun(const std::string& path);

/// Writes qrels lines "qid 0 docno rel", queries and docnos in map order.
Status writeTrecQrels(const std::string& path, const TrecQrels& qrels);

/// Writes run lines "qid Q0 docno rank score runId", each query's entries in the order given, ranks
/// from 1. Scores are written with enough digits (%.9g) that re-reading them gives the same order.
Status writeTrecRun(const std::string& path, const TrecRun& run, const std::string& runId);

}  // namespace mtrec::data
