#include "eval/evaluation_step.h"

#include <algorithm>
#include <functional>
#include <optional>

#include "eval/metrics.h"
#include "eval/parallel_for.h"
#include "eval/phase_timer.h"
#include "eval/relevant_ranks.h"
#include "eval/trec_export.h"

namespace mtrec::eval {

namespace {

constexpr std::size_t kDefaultChunkRows = 512;
constexpr std::size_t kRowGrain = 4;

QueryOutcome rankQuery(const float* row, const RankedTarget& target,
                       const std::vector<PoolJudgment>& judged, std::size_t languageCount) {
    const CandidatePool& pool = *target.pool;
    std::vector<ColumnRank> ranks;
    for (const PoolJudgment& judgment : judged)
        if (judgment.grade >= 1)
            ranks.push_back(
                rankAndTiesOfColumn(row, pool.docnoOrder().data(), pool.size(), judgment.column));
    return outcomeFromRanks(judged, ranks, target.setting, languageCount);
}

void rankChunk(const StepContext& context, const float* block, std::size_t stride,
               std::size_t first, std::size_t rows, std::vector<RankedTarget>& targets) {
    const std::size_t languageCount = context.suite.languages.size();
    parallelFor(rows, context.options.threads, kRowGrain, [&](std::size_t begin, std::size_t end) {
        for (std::size_t row = begin; row < end; ++row) {
            for (RankedTarget& target : targets) {
                const std::vector<PoolJudgment>& judged = target.judged[first + row];
                if (judged.empty()) continue;
                const float* scores = block + row * stride + target.offset;
                target.outcomes[first + row] = rankQuery(scores, target, judged, languageCount);
            }
        }
    });
}

// Sorts the exported part of each pair query's ranking in parallel, then appends them in query
// order.
Status exportChunk(const StepContext& context, const float* block, std::size_t stride,
                   std::size_t first, std::size_t rows, const std::vector<RankedTarget>& targets,
                   std::vector<TrecRunStream>& streams, std::size_t queryLanguage) {
    const auto& queries = context.suite.languages[queryLanguage].queries;
    for (std::size_t t = 0; t < targets.size(); ++t) {
        const RankedTarget& target = targets[t];
        const CandidatePool& pool = *target.pool;
        std::vector<std::vector<std::uint32_t>> top(rows);
        parallelFor(rows, context.options.threads, kRowGrain,
                    [&](std::size_t begin, std::size_t end) {
                        for (std::size_t row = begin; row < end; ++row)
                            if (!target.judged[first + row].empty())
                                top[row] = topColumns(block + row * stride + target.offset,
                                                      pool.docnoOrder().data(), pool.size(),
                                                      context.options.trecDepth);
                    });
        for (std::size_t row = 0; row < rows; ++row) {
            if (target.judged[first + row].empty()) continue;
            Status appended = streams[t].append(queries[first + row].qid, top[row],
                                                block + row * stride + target.offset, pool);
            if (!appended) return appended;
        }
    }
    return success();
}

}  // namespace

bool anyPairQuery(const std::vector<RankedTarget>& targets, std::size_t first, std::size_t end) {
    for (const RankedTarget& target : targets)
        for (std::size_t query = first; query < end; ++query)
            if (!target.judged[query].empty()) return true;
    return false;
}

Result<std::vector<TrecRunStream>> openTrecExports(const StepContext& context,
                                                   std::size_t queryLanguage,
                                                   const std::vector<RankedTarget>& targets) {
    std::vector<TrecRunStream> streams;
    if (!context.options.trecExportDir) return streams;
    PhaseTimer timer(context.timings.exportSeconds);
    const data::LanguageData& language = context.suite.languages[queryLanguage];
    for (const RankedTarget& target : targets) {
        const std::string poolName = target.setting == Setting::Mul
                                         ? std::string(kAllLanguages)
                                         : context.suite.languages[target.candidateLanguage].code;
        const std::string& dir = *context.options.trecExportDir;
        Status qrels = writePoolQrels(trecExportPath(dir, language.code, poolName, "qrels"),
                                      language, *target.pool, target.judged);
        if (!qrels) return qrels.error();
        Result<TrecRunStream> stream = TrecRunStream::open(
            trecExportPath(dir, language.code, poolName, "run"), context.scorer.name());
        if (!stream) return stream.error();
        streams.push_back(std::move(stream).value());
    }
    return streams;
}

Status closeTrecExports(const StepContext& context, std::vector<TrecRunStream>& streams) {
    PhaseTimer timer(context.timings.exportSeconds);
    for (TrecRunStream& stream : streams) {
        Status closed = stream.close();
        if (!closed) return closed;
    }
    return success();
}

QueryOutcome outcomeFromRanks(const std::vector<PoolJudgment>& judged,
                              const std::vector<ColumnRank>& relevantRanks, Setting setting,
                              std::size_t languageCount) {
    std::vector<RankedRelevant> hits;
    std::vector<int> ideal;
    QueryOutcome outcome;
    if (setting == Setting::Mul) outcome.bestRank.assign(languageCount, 0);
    std::size_t next = 0;
    for (const PoolJudgment& judgment : judged) {
        if (judgment.grade < 1) continue;
        const ColumnRank& ranked = relevantRanks.at(next++);
        outcome.tiedRelevant = outcome.tiedRelevant || ranked.ties > 0;
        hits.push_back({ranked.rank, judgment.grade});
        ideal.push_back(judgment.grade);
        if (!outcome.bestRank.empty()) {
            std::size_t& best = outcome.bestRank[judgment.language];
            if (best == 0 || ranked.rank < best) best = ranked.rank;
        }
    }
    std::sort(hits.begin(), hits.end(),
              [](const RankedRelevant& a, const RankedRelevant& b) { return a.rank < b.rank; });
    std::sort(ideal.begin(), ideal.end(), std::greater<int>());
    outcome.values = computeMetrics(hits, ideal);
    return outcome;
}

Status runStep(const StepContext& context, std::size_t queryLanguage, const CandidatePool& scored,
               std::vector<RankedTarget>& targets) {
    const EvaluationOptions& options = context.options;
    const std::size_t queryCount = context.suite.languages[queryLanguage].queries.size();
    for (RankedTarget& target : targets) target.outcomes.assign(queryCount, QueryOutcome{});
    Result<std::vector<TrecRunStream>> opened = openTrecExports(context, queryLanguage, targets);
    if (!opened) return opened.error();
    std::vector<TrecRunStream> streams = std::move(opened).value();
    const std::size_t chunkRows =
        options.queryChunkRows ? options.queryChunkRows : kDefaultChunkRows;
    const std::size_t stride = scored.size();
    for (std::size_t first = 0; first < queryCount; first += chunkRows) {
        const std::size_t end = std::min(queryCount, first + chunkRows);
        if (options.cancel.cancelled()) return Error{"cancelled"};
        if (!anyPairQuery(targets, first, end)) continue;
        float* block = context.buffer.reserve((end - first) * stride);
        {
            PhaseTimer timer(context.timings.scoringSeconds);
            context.scorer.score({queryLanguage, first, end, scored.languages(), options.threads},
                                 block);
        }
        {
            PhaseTimer timer(context.timings.rankingSeconds);
            rankChunk(context, block, stride, first, end - first, targets);
        }
        if (!options.trecExportDir) continue;
        PhaseTimer timer(context.timings.exportSeconds);
        Status exported = exportChunk(context, block, stride, first, end - first, targets, streams,
                                      queryLanguage);
        if (!exported) return exported;
    }
    return closeTrecExports(context, streams);
}

}  // namespace mtrec::eval
