#include "trainer_fixture.h"

#include <stdexcept>

#include "train/sampler_factory.h"
#include "train/validation_batches.h"

namespace mtrec::test {

namespace {

const std::vector<std::string> kKeys = {"apple", "river", "stone",  "cloud", "green", "piano",
                                        "tiger", "lemon", "bread",  "chair", "glass", "honey",
                                        "wheel", "storm", "candle", "pearl", "maple", "north"};

struct Language {
    std::string code;
    std::string queryStart;
    std::string passageEnd;
};

const std::vector<Language> kLanguages = {{"en", "what is ", " is the answer"},
                                          {"de", "was ist ", " ist die Antwort"},
                                          {"fr", "qu'est-ce que ", " est la reponse"}};

text::BatchEncodingOptions encodingOptions() {
    text::BatchEncodingOptions options;
    options.maxLength = 48;
    return options;
}

void addGroup(data::PairPool& pool, const std::string& key, bool englishOnly) {
    for (const Language& query : kLanguages) {
        for (const Language& passage : kLanguages) {
            if (englishOnly && (query.code != "en" || passage.code != "en")) continue;
            data::TrainingPair pair;
            pair.groupId = "g-" + key;
            pair.queryLang = query.code;
            pair.passageLang = passage.code;
            pair.query = query.queryStart + key;
            pair.passage = key + passage.passageEnd;
            pair.hardNegative = "not " + key + passage.passageEnd;
            pool.add(std::move(pair));
        }
    }
}

}  // namespace

std::vector<int64_t> ByteTokenizer::encode(std::string_view text) const {
    std::vector<int64_t> ids;
    ids.reserve(text.size());
    for (const char c : text) ids.push_back(static_cast<unsigned char>(c) + 4);
    return ids;
}

std::string ByteTokenizer::decode(const std::vector<int64_t>& ids) const {
    std::string text;
    for (const int64_t id : ids)
        if (id >= 4) text.push_back(static_cast<char>(id - 4));
    return text;
}

std::string ByteTokenizer::token(int64_t id) const {
    if (id < 0 || id >= vocabSize()) throw std::out_of_range("ByteTokenizer: id out of range");
    return id < 4 ? "<" + std::to_string(id) + ">" : std::string(1, static_cast<char>(id - 4));
}

ToyTask::ToyTask(std::size_t groups, std::size_t validationGroups)
    : batchEncoder(tokenizer, encodingOptions()) {
    if (groups + validationGroups > kKeys.size()) throw std::invalid_argument("ToyTask: too big");
    for (std::size_t i = 0; i < groups; ++i) addGroup(train, kKeys[i], false);
    for (std::size_t i = groups; i < groups + validationGroups; ++i)
        addGroup(validation, kKeys[i], true);
}

model::Encoder ToyTask::encoder(std::uint64_t seed) const {
    model::EncoderConfig config = model::EncoderConfig::fromScratch(tokenizer.vocabSize(), 0);
    config.hiddenSize = 32;
    config.layers = 1;
    config.heads = 2;
    config.intermediateSize = 64;
    config.maxPositions = 64;
    Result<model::Encoder> encoder = model::createEncoder(config, seed);
    if (!encoder) throw std::runtime_error(encoder.error().message);
    return encoder.value();
}

std::unique_ptr<train::BatchSampler> ToyTask::sampler(std::size_t batchSize,
                                                      std::uint64_t seed) const {
    train::StrategySpec spec;
    spec.name = train::StrategyName::Hybrid;
    spec.batchSize = batchSize;
    return sampler(spec, seed);
}

std::unique_ptr<train::BatchSampler> ToyTask::sampler(const train::StrategySpec& spec,
                                                      std::uint64_t seed) const {
    return train::makeSampler(spec, train::SamplerPools{&train, nullptr}, seed);
}

std::vector<train::Batch> ToyTask::validationBatches(std::size_t batchSize) const {
    return train::validationBatches(validation, batchSize);
}

train::TrainerOptions toyOptions(std::size_t steps) {
    train::TrainerOptions options;
    options.lr = 3e-3;
    options.weightDecay = 0.01;
    options.warmupSteps = 2;
    options.clipNorm = 1.0;
    options.steps = steps;
    options.threads = 1;
    options.seed = 5;
    return options;
}

ToyRun::ToyRun(std::size_t steps)
    : encoder(task.encoder()), sampler(task.sampler()), options(toyOptions(steps)) {
    options.checkpointDir = dir.path().string();
}

train::Trainer& ToyRun::start() {
    trainer = std::make_unique<train::Trainer>(encoder, task.batchEncoder, *sampler, options);
    return *trainer;
}

void recordLosses(train::Trainer& trainer, LossLog& log, const CancelToken* cancel,
                  std::size_t cancelAfter) {
    trainer.setStepObserver([&log, cancel, cancelAfter](const train::TrainingProgress& progress) {
        log.losses.push_back(progress.loss);
        log.validation.push_back(progress.validationLoss.value_or(0.0));
        log.steps.push_back(progress.step);
        if (cancel && progress.step == cancelAfter) cancel->cancel();
    });
}

}  // namespace mtrec::test
