#include "eval/suite_evaluation.h"

#include <chrono>
#include <filesystem>
#include <system_error>

#include "eval/bounded_step.h"
#include "eval/evaluation_step.h"
#include "eval/language_bias.h"
#include "eval/metrics.h"
#include "eval/scorer.h"

namespace mtrec::eval {

namespace {

struct CellOutput {
    CellResult cell;
    std::vector<QueryResult> rows;
};

struct Pools {
    std::vector<CandidatePool> single;  // per language
    std::optional<CandidatePool> all;   // parallel suites only
};

Result<Pools> makePools(const data::RetrievalSuite& suite) {
    Pools pools;
    std::vector<std::size_t> every;
    for (std::size_t language = 0; language < suite.languages.size(); ++language) {
        Result<CandidatePool> pool = CandidatePool::create(suite, {language});
        if (!pool) return pool.error();
        pools.single.push_back(std::move(pool).value());
        every.push_back(language);
    }
    if (suite.parallel) {
        Result<CandidatePool> pool = CandidatePool::create(suite, every);
        if (!pool) return pool.error();
        pools.all = std::move(pool).value();
    }
    return pools;
}

RankedTarget makeTarget(const data::RetrievalSuite& suite, std::size_t queryLanguage,
                        std::size_t candidateLanguage, const CandidatePool& pool,
                        std::size_t offset) {
    RankedTarget target;
    target.candidateLanguage = candidateLanguage;
    target.setting = candidateLanguage == kMulPool        ? Setting::Mul
                     : candidateLanguage == queryLanguage ? Setting::Mo
                                                          : Setting::Cr;
    target.pool = &pool;
    target.offset = offset;
    target.judged = pool.judgmentsOf(suite, queryLanguage);
    return target;
}

// One scored pool per step with the targets ranked inside it. A pool-independent scorer scores each
// query language once against every candidate; otherwise every pool is scored on its own.
struct Step {
    const CandidatePool* scored = nullptr;
    std::vector<RankedTarget> targets;
};

std::vector<Step> planSteps(const data::RetrievalSuite& suite, const Pools& pools, bool independent,
                            std::size_t x) {
    std::vector<Step> steps;
    if (!suite.parallel) {
        steps.push_back({&pools.single[x], {makeTarget(suite, x, x, pools.single[x], 0)}});
        return steps;
    }
    const CandidatePool& all = *pools.all;
    if (independent) {
        Step step{&all, {}};
        for (std::size_t y = 0; y < suite.languages.size(); ++y)
            step.targets.push_back(makeTarget(suite, x, y, pools.single[y], all.offset(y)));
        step.targets.push_back(makeTarget(suite, x, kMulPool, all, 0));
        steps.push_back(std::move(step));
        return steps;
    }
    for (std::size_t y = 0; y < suite.languages.size(); ++y)
        steps.push_back({&pools.single[y], {makeTarget(suite, x, y, pools.single[y], 0)}});
    steps.push_back({&all, {makeTarget(suite, x, kMulPool, all, 0)}});
    return steps;
}

CellOutput collectCell(const data::RetrievalSuite& suite, std::size_t x, const RankedTarget& target,
                       std::optional<LanguageBiasAccumulator>& bias) {
    const data::LanguageData& language = suite.languages[x];
    CellOutput output;
    output.cell.setting = target.setting;
    output.cell.queryLanguage = language.code;
    output.cell.candidateLanguage = target.setting == Setting::Mul
                                        ? std::string(kAllLanguages)
                                        : suite.languages[target.candidateLanguage].code;
    MetricValues sum{};
    for (std::size_t query = 0; query < target.judged.size(); ++query) {
        if (target.judged[query].empty()) continue;
        const QueryOutcome& outcome = target.outcomes[query];
        QueryResult row{target.setting,
                        output.cell.queryLanguage,
                        output.cell.candidateLanguage,
                        language.queries[query].qid,
                        outcome.values,
                        std::nullopt};
        if (target.setting == Setting::Mul && bias)
            row.rankDistance = bias->addQuery(x, outcome.bestRank);
        accumulate(sum, outcome.values);
        output.cell.tiedRelevantQueries += outcome.tiedRelevant ? 1 : 0;
        output.rows.push_back(std::move(row));
    }
    output.cell.queryCount = output.rows.size();
    output.cell.mean = divided(sum, output.cell.queryCount);
    return output;
}

std::vector<SettingSummary> summarise(const std::vector<CellResult>& cells, bool parallel) {
    std::vector<SettingSummary> summaries;
    for (Setting setting : {Setting::Mo, Setting::Cr, Setting::Mul}) {
        if (!parallel && setting != Setting::Mo) continue;
        SettingSummary summary;
        summary.setting = setting;
        MetricValues sum{};
        for (const CellResult& cell : cells) {
            if (cell.setting != setting || cell.queryCount == 0) continue;
            accumulate(sum, cell.mean);
            ++summary.cellCount;
        }
        summary.mean = divided(sum, summary.cellCount);
        summaries.push_back(summary);
    }
    return summaries;
}

std::size_t cellIndex(const data::RetrievalSuite& suite, std::size_t x,
                      const RankedTarget& target) {
    const std::size_t n = suite.languages.size();
    if (!suite.parallel) return x;
    return target.setting == Setting::Mul ? n * n + x : x * n + target.candidateLanguage;
}

bool bounded(const Scorer& scorer, const EvaluationOptions& options, const CandidatePool& pool) {
    return scorer.scoresColumns() && pool.size() > options.boundedPoolThreshold;
}

// Phase::Ranking reports with an ETA from the pace so far.
class RankingProgress {
public:
    RankingProgress(const EvaluationOptions& options, std::string suite, std::size_t total)
        : sink_(options.progress) {
        report_.phase = Phase::Ranking;
        report_.suite = std::move(suite);
        report_.total = total;
    }

    void advance() {
        ++report_.done;
        const double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        report_.etaSeconds = elapsed / static_cast<double>(report_.done) *
                             static_cast<double>(report_.total - report_.done);
        notify(sink_, report_);
    }

private:
    ProgressSink sink_;
    Progress report_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// Counts the progress units of the plan, and refuses a whole-ranking TREC export of a pool that is
// searched in bounded memory (it would need the whole ranking of every query in memory).
Result<RankingProgress> startProgress(const data::RetrievalSuite& suite, const Scorer& scorer,
                                      const EvaluationOptions& options,
                                      const std::vector<std::vector<Step>>& plan) {
    std::size_t total = 0;
    for (std::size_t x = 0; x < plan.size(); ++x) {
        for (const Step& step : plan[x]) {
            if (!bounded(scorer, options, *step.scored)) {
                ++total;
                continue;
            }
            if (options.trecExportDir && options.trecDepth == 0)
                return Error{suite.name +
                             ": a TREC export of the whole ranking (depth 0, 'all') "
                             "is refused for a pool of " +
                             std::to_string(step.scored->size()) +
                             " candidates, which is searched in bounded memory (more than " +
                             std::to_string(options.boundedPoolThreshold) +
                             "): ask for a depth, e.g. 1000"};
            total +=
                boundedStepUnits(options, suite.languages[x].queries.size(), step.scored->size());
        }
    }
    return RankingProgress(options, suite.name, total);
}

}  // namespace

Result<SuiteEvaluation> evaluateSuite(const data::RetrievalSuite& suite, Scorer& scorer,
                                      const EvaluationOptions& options) {
    SuiteEvaluation evaluation;
    evaluation.suite = suite.name;
    evaluation.runId = scorer.name();
    for (const data::LanguageData& language : suite.languages)
        evaluation.languages.push_back(language.code);
    Result<Pools> pools = makePools(suite);
    if (!pools) return pools.error();
    const std::size_t n = suite.languages.size();
    std::vector<std::vector<Step>> plan;
    for (std::size_t x = 0; x < n; ++x)
        plan.push_back(planSteps(suite, pools.value(), scorer.poolIndependent(), x));
    Result<RankingProgress> progress = startProgress(suite, scorer, options, plan);
    if (!progress) return progress.error();
    if (options.trecExportDir) {
        std::error_code error;
        std::filesystem::create_directories(*options.trecExportDir, error);
        if (error)
            return Error{"could not create " + *options.trecExportDir + ": " + error.message()};
    }
    std::vector<CellOutput> outputs(suite.parallel ? n * n + n : n);
    std::optional<LanguageBiasAccumulator> bias;
    if (suite.parallel) bias.emplace(evaluation.languages);
    ScoreBuffer buffer;
    const StepContext context{suite, scorer, options, evaluation.timings, buffer};
    for (std::size_t x = 0; x < n; ++x) {
        for (Step& step : plan[x]) {
            Status ran = bounded(scorer, options, *step.scored)
                             ? runBoundedStep(context, x, *step.scored, step.targets,
                                              [&] { progress.value().advance(); })
                             : runStep(context, x, *step.scored, step.targets);
            if (!ran) return ran.error();
            for (const RankedTarget& target : step.targets)
                outputs[cellIndex(suite, x, target)] = collectCell(suite, x, target, bias);
            if (!bounded(scorer, options, *step.scored)) progress.value().advance();
            step.targets.clear();  // its judgments and outcomes are in the outputs now
        }
    }
    for (CellOutput& output : outputs) {
        evaluation.cells.push_back(output.cell);
        for (QueryResult& row : output.rows) evaluation.queries.push_back(std::move(row));
    }
    evaluation.summaries = summarise(evaluation.cells, suite.parallel);
    if (bias) evaluation.bias = bias->result();
    return evaluation;
}

}  // namespace mtrec::eval
