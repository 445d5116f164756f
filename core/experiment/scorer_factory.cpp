#include "experiment/scorer_factory.h"

#include "eval/bm25_scorer.h"

namespace mtrec::experiment {

Result<std::unique_ptr<eval::Scorer>> makeScorer(const std::string& name,
                                                 const data::RetrievalSuite& suite, int threads) {
    if (name == "bm25") {
        auto scorer = eval::Bm25Scorer::create(suite, {}, threads);
        if (!scorer) return scorer.error();
        return std::unique_ptr<eval::Scorer>(std::move(scorer).value());
    }
    return Error{"unknown scorer '" + name + "' (available: bm25)"};
}

}  // namespace mtrec::experiment
