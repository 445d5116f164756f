#include "experiment/tokenizer_setup.h"

#include <unordered_set>

#include "text/sentencepiece_tokenizer.h"
#include "text/sentencepiece_training.h"
#include "text/tokenizer_loader.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

void addPool(const data::PairPool& pool, std::unordered_set<std::string>& seen,
             std::vector<std::string>& texts) {
    const auto add = [&](const std::string& text) {
        if (!text.empty() && seen.insert(text).second) texts.push_back(text);
    };
    for (const data::LanguagePair& languages : pool.languagePairs())
        for (const data::TrainingPair& pair : pool.pairs(languages)) {
            add(pair.query);
            add(pair.passage);
            if (pair.hardNegative) add(*pair.hardNegative);
        }
}

Result<std::unique_ptr<text::Tokenizer>> owned(Result<text::SentencePieceTokenizer> tokenizer) {
    if (!tokenizer) return tokenizer.error();
    return std::unique_ptr<text::Tokenizer>(
        std::make_unique<text::SentencePieceTokenizer>(std::move(tokenizer).value()));
}

}  // namespace

std::vector<std::string> tokenizerTrainingTexts(const TrainingData& data) {
    std::unordered_set<std::string> seen;
    std::vector<std::string> texts;
    addPool(data.train, seen, texts);
    addPool(data.translation, seen, texts);
    return texts;
}

Result<std::unique_ptr<text::Tokenizer>> buildTokenizer(const TrainingConfig& config,
                                                        const TrainingData& data,
                                                        const fs::path& baseDir,
                                                        const fs::path& trainedModel, bool reuse) {
    if (config.tokenizer.train) {
        std::error_code ec;
        if (reuse && fs::is_regular_file(trainedModel, ec))
            return owned(text::SentencePieceTokenizer::load(trainedModel));
        Result<text::SentencePieceTokenizer> trained = text::trainSentencePiece(
            tokenizerTrainingTexts(data), *config.tokenizer.train, trainedModel);
        if (!trained) return Error{"$.tokenizer.train: " + trained.error().message};
        return owned(std::move(trained));
    }
    const fs::path given(config.tokenizer.path);
    return text::loadTokenizer(given.is_absolute() || baseDir.empty() ? given : baseDir / given);
}

}  // namespace mtrec::experiment
