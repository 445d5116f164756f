#include "experiment/rank_log.h"

#include <nlohmann/json.hpp>

namespace mtrec::experiment {

std::filesystem::path RankLog::fileOf(const std::filesystem::path& runFolder, int rank) {
    return runFolder / ("rank-" + std::to_string(rank) + ".jsonl");
}

Result<RankLog> RankLog::open(const std::filesystem::path& runFolder, int rank) {
    const std::filesystem::path file = fileOf(runFolder, rank);
    std::ofstream out(file, std::ios::app);
    if (!out) return Error{file.string() + ": cannot be written (the rank's step log)"};
    return RankLog(std::move(out), rank);
}

void RankLog::step(const train::TrainingProgress& step) {
    nlohmann::json line = {{"rank", rank_},
                           {"step", step.step},
                           {"batch", step.kind.label()},
                           {"branch", step.kind.branch},
                           {"task", step.kind.task},
                           {"pairs", step.pairs},
                           {"loss", step.loss},
                           {"lr", step.lr},
                           {"grad_norm", step.gradNorm},
                           {"step_s", step.stepSeconds}};
    nlohmann::json languages = nlohmann::json::array();
    for (const train::LanguagePairCount& pair : step.languagePairs)
        languages.push_back({pair.queryLang, pair.passageLang, pair.pairs});
    line["languages"] = std::move(languages);
    if (step.communicationSeconds) line["communication_s"] = *step.communicationSeconds;
    if (step.validationLoss) line["validation_loss"] = *step.validationLoss;
    out_ << line.dump() << '\n';
    out_.flush();
}

void RankLog::event(const std::string& text) {
    out_ << nlohmann::json{{"rank", rank_}, {"event", text}}.dump() << '\n';
    out_.flush();
}

}  // namespace mtrec::experiment
