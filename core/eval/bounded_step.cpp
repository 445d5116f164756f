#include "eval/bounded_step.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>
#include <stdexcept>

#include "eval/parallel_for.h"
#include "eval/phase_timer.h"
#include "eval/relevant_ranks.h"
#include "eval/top_k.h"

namespace mtrec::eval {

namespace {

constexpr std::size_t kRowGrain = 4;

// One relevant candidate of a pair query: its score, its docno position in the target pool, and
// the counts over the chunks seen so far.
struct RelevantTally {
    std::uint32_t scoredColumn = 0;  // in the scored pool
    float score = 0.0f;
    std::int32_t order = 0;
    AheadCount count;
};

// One pair query in one target while its block streams by.
struct QueryState {
    std::vector<RelevantTally> relevant;  // its relevant judgments, in judged order
    std::optional<TopK> top;              // with a TREC export only
};

std::size_t chunkRowsOf(const EvaluationOptions& options) {
    return options.queryChunkRows ? options.queryChunkRows : 512;
}

std::size_t chunkColumnsOf(const EvaluationOptions& options) {
    return options.columnChunk ? options.columnChunk : 8192;
}

std::size_t chunksOf(const EvaluationOptions& options, std::size_t poolSize) {
    return (poolSize + chunkColumnsOf(options) - 1) / chunkColumnsOf(options);
}

// states[row][target], for the pair queries of rows [first, first + rows).
using BlockStates = std::vector<std::vector<QueryState>>;

BlockStates startBlock(const StepContext& context, std::size_t first, std::size_t rows,
                       const std::vector<RankedTarget>& targets) {
    BlockStates states(rows, std::vector<QueryState>(targets.size()));
    for (std::size_t row = 0; row < rows; ++row) {
        for (std::size_t t = 0; t < targets.size(); ++t) {
            const RankedTarget& target = targets[t];
            QueryState& state = states[row][t];
            for (const PoolJudgment& judgment : target.judged[first + row])
                if (judgment.grade >= 1)
                    state.relevant.push_back(
                        {static_cast<std::uint32_t>(target.offset + judgment.column),
                         0.0f,
                         target.pool->docnoOrder()[judgment.column],
                         {}});
            if (context.options.trecExportDir && !target.judged[first + row].empty())
                state.top.emplace(context.options.trecDepth);
        }
    }
    return states;
}

// Scores each query's relevant candidates on their own, one scorer call per query row.
void scoreRelevant(const StepContext& context, std::size_t queryLanguage,
                   const CandidatePool& scored, std::size_t first, BlockStates& states) {
    std::vector<std::uint32_t> columns;
    std::vector<float> scores;
    for (std::size_t row = 0; row < states.size(); ++row) {
        columns.clear();
        for (const QueryState& state : states[row])
            for (const RelevantTally& tally : state.relevant) columns.push_back(tally.scoredColumn);
        if (columns.empty()) continue;
        scores.resize(columns.size());
        context.scorer.scoreColumns({queryLanguage, first + row, first + row + 1,
                                     scored.languages(), context.options.threads},
                                    columns.data(), columns.size(), scores.data());
        std::size_t next = 0;
        for (QueryState& state : states[row])
            for (RelevantTally& tally : state.relevant) tally.score = scores[next++];
    }
}

// Adds the chunk of scored-pool columns [begin, end) to every state of the block.
void rankChunk(const StepContext& context, const std::vector<RankedTarget>& targets,
               const float* scores, std::size_t begin, std::size_t end, BlockStates& states) {
    const std::size_t width = end - begin;
    parallelFor(states.size(), context.options.threads, kRowGrain,
                [&](std::size_t rowBegin, std::size_t rowEnd) {
                    for (std::size_t row = rowBegin; row < rowEnd; ++row) {
                        for (std::size_t t = 0; t < targets.size(); ++t) {
                            const RankedTarget& target = targets[t];
                            QueryState& state = states[row][t];
                            const std::size_t low = std::max(begin, target.offset);
                            const std::size_t high =
                                std::min(end, target.offset + target.pool->size());
                            if (low >= high) continue;
                            const float* slice = scores + row * width + (low - begin);
                            const std::int32_t* order =
                                target.pool->docnoOrder().data() + (low - target.offset);
                            for (RelevantTally& tally : state.relevant) {
                                const AheadCount count =
                                    countAhead(slice, order, high - low, tally.score, tally.order);
                                tally.count.ahead += count.ahead;
                                tally.count.equal += count.equal;
                            }
                            if (state.top)
                                state.top->offer(slice, order, high - low,
                                                 static_cast<std::uint32_t>(low - target.offset));
                        }
                    }
                });
}

std::vector<ColumnRank> ranksOf(const QueryState& state) {
    std::vector<ColumnRank> ranks;
    for (const RelevantTally& tally : state.relevant) {
        // Its own column is among the `equal` ones (a NaN score equals nothing, itself included).
        if (tally.count.equal == 0 && tally.score == tally.score)
            throw std::logic_error(
                "bounded search: a candidate's score differs between its column chunk and its "
                "own scoring (the scorer breaks Scorer::scoresColumns)");
        ranks.push_back({tally.count.ahead + 1, tally.count.equal ? tally.count.equal - 1 : 0});
    }
    return ranks;
}

Status finishBlock(const StepContext& context, std::size_t queryLanguage, std::size_t first,
                   std::vector<RankedTarget>& targets, BlockStates& states,
                   std::vector<TrecRunStream>& streams) {
    const std::size_t languageCount = context.suite.languages.size();
    const auto& queries = context.suite.languages[queryLanguage].queries;
    for (std::size_t t = 0; t < targets.size(); ++t) {
        RankedTarget& target = targets[t];
        for (std::size_t row = 0; row < states.size(); ++row) {
            const std::vector<PoolJudgment>& judged = target.judged[first + row];
            if (judged.empty()) continue;
            QueryState& state = states[row][t];
            target.outcomes[first + row] =
                outcomeFromRanks(judged, ranksOf(state), target.setting, languageCount);
            if (!state.top) continue;
            PhaseTimer timer(context.timings.exportSeconds);
            Status appended =
                streams[t].append(queries[first + row].qid, state.top->take(), *target.pool);
            if (!appended) return appended;
        }
    }
    return success();
}

// Streams the pool past one block of query rows, chunk by chunk. Fails only when cancelled.
Status streamChunks(const StepContext& context, std::size_t queryLanguage,
                    const CandidatePool& scored, std::size_t first, std::size_t rows,
                    const std::vector<RankedTarget>& targets, BlockStates& states,
                    const std::function<void()>& chunkDone) {
    const std::size_t chunk = chunkColumnsOf(context.options);
    std::vector<std::uint32_t> columns(std::min(chunk, scored.size()));
    for (std::size_t begin = 0; begin < scored.size(); begin += chunk) {
        if (context.options.cancel.cancelled()) return Error{"cancelled"};
        const std::size_t end = std::min(scored.size(), begin + chunk);
        columns.resize(end - begin);
        std::iota(columns.begin(), columns.end(), static_cast<std::uint32_t>(begin));
        float* scores = context.buffer.reserve(rows * (end - begin));
        {
            PhaseTimer timer(context.timings.scoringSeconds);
            context.scorer.scoreColumns(
                {queryLanguage, first, first + rows, scored.languages(), context.options.threads},
                columns.data(), columns.size(), scores);
        }
        {
            PhaseTimer timer(context.timings.rankingSeconds);
            rankChunk(context, targets, scores, begin, end, states);
        }
        if (chunkDone) chunkDone();
    }
    return success();
}

}  // namespace

std::size_t boundedStepUnits(const EvaluationOptions& options, std::size_t queryCount,
                             std::size_t poolSize) {
    const std::size_t rows = chunkRowsOf(options);
    return (queryCount + rows - 1) / rows * chunksOf(options, poolSize);
}

Status runBoundedStep(const StepContext& context, std::size_t queryLanguage,
                      const CandidatePool& scored, std::vector<RankedTarget>& targets,
                      const std::function<void()>& chunkDone) {
    const EvaluationOptions& options = context.options;
    const std::size_t queryCount = context.suite.languages[queryLanguage].queries.size();
    for (RankedTarget& target : targets) target.outcomes.assign(queryCount, QueryOutcome{});
    if (scored.size() > std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("bounded search: pool larger than 2^32 columns");
    Result<std::vector<TrecRunStream>> opened = openTrecExports(context, queryLanguage, targets);
    if (!opened) return opened.error();
    std::vector<TrecRunStream> streams = std::move(opened).value();
    const std::size_t chunkRows = chunkRowsOf(options);
    const std::size_t chunks = chunksOf(options, scored.size());
    for (std::size_t first = 0; first < queryCount; first += chunkRows) {
        const std::size_t end = std::min(queryCount, first + chunkRows);
        if (options.cancel.cancelled()) return Error{"cancelled"};
        if (!anyPairQuery(targets, first, end)) {
            for (std::size_t c = 0; c < chunks && chunkDone; ++c) chunkDone();
            continue;
        }
        BlockStates states = startBlock(context, first, end - first, targets);
        {
            PhaseTimer timer(context.timings.scoringSeconds);
            scoreRelevant(context, queryLanguage, scored, first, states);
        }
        Status streamed = streamChunks(context, queryLanguage, scored, first, end - first, targets,
                                       states, chunkDone);
        if (!streamed) return streamed;
        Status finished = finishBlock(context, queryLanguage, first, targets, states, streams);
        if (!finished) return finished;
    }
    return closeTrecExports(context, streams);
}

}  // namespace mtrec::eval
