#include "experiment/encoder_evaluation.h"

#include <filesystem>

#include "experiment/encoder_scorer.h"
#include "experiment/suite_loader.h"
#include "report/evaluation_csv.h"
#include "text/batch_encoder.h"
#include "text/unknown_tokens.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

Result<eval::SuiteEvaluation> evaluateOne(const data::RetrievalSuite& suite,
                                          model::EncoderImpl& encoder,
                                          const text::BatchEncoder& batchEncoder,
                                          const EncoderEvaluationOptions& options) {
    EncoderScorerOptions scorerOptions;
    scorerOptions.progress = options.progress;
    scorerOptions.cancel = options.cancel;
    scorerOptions.precision = options.precision;
    auto scorer = makeEncoderScorer(suite, encoder, batchEncoder, scorerOptions, options.runId);
    if (!scorer) return scorer.error();
    eval::EvaluationOptions evaluation;
    evaluation.threads = options.threads;
    evaluation.progress = options.progress;
    evaluation.cancel = options.cancel;
    Result<eval::SuiteEvaluation> evaluated =
        eval::evaluateSuite(suite, *scorer.value(), evaluation);
    if (evaluated)
        evaluated.value().unknownTokens = unknownTokensOf(suite, batchEncoder.tokenizer());
    return evaluated;
}

}  // namespace

std::vector<eval::UnknownTokens> unknownTokensOf(const data::RetrievalSuite& suite,
                                                 const text::Tokenizer& tokenizer) {
    std::vector<eval::UnknownTokens> out;
    for (const data::LanguageData& language : suite.languages) {
        std::vector<std::string> texts;
        for (const data::Query& query : language.queries) texts.push_back(query.text);
        for (const data::Candidate& candidate : language.candidates)
            texts.push_back(candidate.text);
        const text::UnknownTokenCount count = text::countUnknownTokens(tokenizer, texts);
        out.push_back({language.code, count.tokens, count.unknown});
    }
    return out;
}

Result<EncoderEvaluation> evaluateEncoder(const std::vector<EvaluationSuiteConfig>& suites,
                                          const std::string& baseDir, model::EncoderImpl& encoder,
                                          const text::BatchEncoder& batchEncoder,
                                          const EncoderEvaluationOptions& options) {
    EncoderEvaluation result;
    for (const EvaluationSuiteConfig& entry : suites) {
        const fs::path given(entry.data);
        const std::string dataDir =
            (given.is_absolute() || baseDir.empty() ? given : fs::path(baseDir) / given).string();
        Result<LoadedSuites> loaded = loadSuites({entry.suite, dataDir, entry.languages});
        if (!loaded) return loaded.error();
        for (std::string& note : loaded.value().notes) result.notes.push_back(std::move(note));
        for (data::RetrievalSuite& suite : loaded.value().suites)
            result.suites.push_back(std::move(suite));
    }
    for (const data::RetrievalSuite& suite : result.suites) {
        if (options.cancel.cancelled()) return Error{"cancelled"};
        Result<eval::SuiteEvaluation> evaluation =
            evaluateOne(suite, encoder, batchEncoder, options);
        if (!evaluation) return evaluation.error();
        result.evaluations.push_back(std::move(evaluation).value());
    }
    if (!options.outputDir.empty()) {
        Progress writing;
        writing.phase = Phase::WritingResults;
        notify(options.progress, writing);
        std::error_code ec;
        fs::create_directories(options.outputDir, ec);
        if (ec) return Error{"cannot create " + options.outputDir + ": " + ec.message()};
        std::vector<report::EvaluatedSuite> items;
        for (std::size_t i = 0; i < result.suites.size(); ++i)
            items.push_back({&result.suites[i], &result.evaluations[i]});
        if (Status written = report::writeEvaluationCsv(options.outputDir, items); !written)
            return written.error();
    }
    return result;
}

}  // namespace mtrec::experiment
