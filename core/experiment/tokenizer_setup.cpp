#include "experiment/tokenizer_setup.h"

#include <unordered_set>

#include "experiment/tokenizer_cache.h"
#include "text/sentencepiece_tokenizer.h"
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
        }
}

RunTokenizer owned(text::SentencePieceTokenizer tokenizer, std::string note) {
    return {std::make_unique<text::SentencePieceTokenizer>(std::move(tokenizer)), std::move(note)};
}

/// Copies the shared model into the run folder (through a temporary file, so a reader never sees
/// half of it).
Status copyIntoRun(const fs::path& shared, const fs::path& trainedModel) {
    std::error_code ec;
    if (trainedModel.has_parent_path()) fs::create_directories(trainedModel.parent_path(), ec);
    fs::path partial = trainedModel;
    partial += ".partial";
    if (!ec) fs::copy_file(shared, partial, fs::copy_options::overwrite_existing, ec);
    if (!ec) fs::rename(partial, trainedModel, ec);
    if (ec)
        return Error{trainedModel.string() + ": cannot copy the tokenizer " + shared.string() +
                     " here (" + ec.message() + ")"};
    return success();
}

Result<RunTokenizer> trainedTokenizer(const TrainingConfig& config, const TrainingData& data,
                                      const fs::path& trainedModel, const fs::path& cacheRoot) {
    Result<SharedTokenizer> shared =
        sharedTokenizer(tokenizerTrainingTexts(data), *config.tokenizer.train, cacheRoot);
    if (!shared) return Error{"$.tokenizer.train: " + shared.error().message};
    SharedTokenizer& model = shared.value();
    if (Status copied = copyIntoRun(model.file, trainedModel); !copied) return copied.error();
    return owned(std::move(model.tokenizer), "tokenizer sha256 " + model.hash + ": " +
                                                 (model.reused ? "reused " : "trained into ") +
                                                 model.file.string());
}

}  // namespace

std::vector<std::string> tokenizerTrainingTexts(const TrainingData& data) {
    std::unordered_set<std::string> seen;
    std::vector<std::string> texts;
    addPool(data.train, seen, texts);
    addPool(data.translation, seen, texts);
    return texts;
}

Result<RunTokenizer> buildTokenizer(const TrainingConfig& config, const TrainingData& data,
                                    const fs::path& baseDir, const fs::path& trainedModel,
                                    const fs::path& cacheRoot, bool reuse) {
    if (config.tokenizer.train) {
        std::error_code ec;
        if (!reuse || !fs::is_regular_file(trainedModel, ec))
            return trainedTokenizer(config, data, trainedModel, cacheRoot);
        Result<text::SentencePieceTokenizer> own = text::SentencePieceTokenizer::load(trainedModel);
        if (!own) return own.error();
        return owned(std::move(own).value(), "");
    }
    const fs::path given(config.tokenizer.path);
    Result<std::unique_ptr<text::Tokenizer>> loaded =
        text::loadTokenizer(given.is_absolute() || baseDir.empty() ? given : baseDir / given);
    if (!loaded) return loaded.error();
    return RunTokenizer{std::move(loaded).value(), ""};
}

}  // namespace mtrec::experiment
