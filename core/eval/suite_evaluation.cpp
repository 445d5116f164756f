#include "eval/suite_evaluation.h"

#include <filesystem>
#include <system_error>

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
    if (options.trecExportDir) {
        std::error_code error;
        std::filesystem::create_directories(*options.trecExportDir, error);
        if (error)
            return Error{"could not create " + *options.trecExportDir + ": " + error.message()};
    }
    const std::size_t n = suite.languages.size();
    std::vector<CellOutput> outputs(suite.parallel ? n * n + n : n);
    std::optional<LanguageBiasAccumulator> bias;
    if (suite.parallel) bias.emplace(evaluation.languages);
    ScoreBuffer buffer;
    const StepContext context{suite, scorer, options, evaluation.timings, buffer};
    const std::size_t stepsPerLanguage = !suite.parallel ? 1 : scorer.poolIndependent() ? 1 : n + 1;
    Progress progress;
    progress.phase = Phase::Ranking;
    progress.suite = suite.name;
    progress.total = stepsPerLanguage * n;
    for (std::size_t x = 0; x < n; ++x) {
        for (Step& step : planSteps(suite, pools.value(), scorer.poolIndependent(), x)) {
            Status ran = runStep(context, x, *step.scored, step.targets);
            if (!ran) return ran.error();
            for (const RankedTarget& target : step.targets)
                outputs[cellIndex(suite, x, target)] = collectCell(suite, x, target, bias);
            ++progress.done;
            notify(options.progress, progress);
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
