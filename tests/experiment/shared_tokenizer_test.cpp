// One tokenizer per data section and seed: every strategy of an experiment trains on the same
// SentencePiece model, trained once into runs' shared tokenizers/ folder and reused after.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>

#include "experiment/tokenizer_cache.h"
#include "experiment/tokenizer_setup.h"
#include "job_fixture.h"
#include "store/experiment_store.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

std::string readBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The fixture's config with a translation file pair in its data section, as `strategy`.
nlohmann::json experimentConfig(const test::JobFixture& fixture, const std::string& strategy,
                                std::uint64_t seed) {
    nlohmann::json config = fixture.config(4);
    config["optimizer"]["warmup_steps"] = 1;
    config["seed"] = seed;
    config["data"]["parallel_sentences"] = {{{"query", (fixture.root() / "para.de").string()},
                                             {"passage", (fixture.root() / "para.en").string()},
                                             {"query_lang", "de"},
                                             {"passage_lang", "en"}}};
    config["strategy"] = {{"name", strategy}, {"batch_size", 8}};
    return config;
}

void writeParallelSentences(const test::JobFixture& fixture) {
    std::ofstream(fixture.root() / "para.de")
        << "Zwölf Boxkämpfer jagen Viktor quer über den Sylter Deich\n";
    std::ofstream(fixture.root() / "para.en")
        << "Twelve boxers chase Victor across the dyke of Sylt\n";
}

/// The run's note that names its tokenizer, "tokenizer sha256 <hash>: ...".
std::string tokenizerNote(const test::JobFixture& fixture, std::int64_t runId) {
    store::ExperimentStore store = store::ExperimentStore::open(fixture.database()).value();
    const std::vector<store::Note> notes = store.runs().notes(runId).value();
    for (const store::Note& note : notes)
        if (note.text.rfind("tokenizer sha256 ", 0) == 0) return note.text;
    return "";
}

std::string hashOf(const std::string& note) {
    return note.substr(std::string("tokenizer sha256 ").size(), 64);
}

TEST(SharedTokenizer, StrategiesOfOneDataSectionAndSeedShareOneModelTrainedOnce) {
    const test::JobFixture fixture;
    writeParallelSentences(fixture);
    auto hybrid = fixture.start(experimentConfig(fixture, "hybrid", 7), fixture.options("runs/h"));
    ASSERT_TRUE(hybrid.ok()) << hybrid.error().message;
    const std::string first = tokenizerNote(fixture, hybrid.value().runId);
    ASSERT_NE(first.find(": trained into "), std::string::npos) << first;
    const std::string hash = hashOf(first);
    const fs::path shared = fixture.root() / "runs" / "tokenizers" / hash / "tokenizer.model";
    ASSERT_TRUE(fs::is_regular_file(shared)) << first;
    EXPECT_NE(first.find(shared.string()), std::string::npos) << first;
    const auto trainedAt = fs::last_write_time(shared);

    auto multitask =
        fixture.start(experimentConfig(fixture, "multitask", 7), fixture.options("runs/m"));
    ASSERT_TRUE(multitask.ok()) << multitask.error().message;
    const std::string second = tokenizerNote(fixture, multitask.value().runId);
    EXPECT_EQ(second, "tokenizer sha256 " + hash + ": reused " + shared.string());
    EXPECT_EQ(fs::last_write_time(shared), trainedAt) << "not trained again";
    const std::string model = readBytes(shared);
    EXPECT_GT(model.size(), 1000u);
    EXPECT_EQ(readBytes(fixture.root() / "runs/h/tokenizer.model"), model);
    EXPECT_EQ(readBytes(fixture.root() / "runs/m/tokenizer.model"), model);

    auto otherSeed =
        fixture.start(experimentConfig(fixture, "hybrid", 8), fixture.options("runs/s"));
    ASSERT_TRUE(otherSeed.ok()) << otherSeed.error().message;
    const std::string third = tokenizerNote(fixture, otherSeed.value().runId);
    EXPECT_NE(third.find(": trained into "), std::string::npos) << third;
    EXPECT_NE(hashOf(third), hash) << "the seed is part of the hash";
}

TEST(SharedTokenizer, TextsAreTrainingAndTranslationPairsWithoutHardNegatives) {
    TrainingData data;
    data.train.add({"q1", "en", "en", "who?", "Ann.", std::string("Bob.")});
    data.train.add({"q1", "en", "de", "who?", "Anna.", std::nullopt});
    data.validation.add({"q2", "en", "en", "held out?", "Yes.", std::nullopt});
    data.translation.add({"t1", "de", "en", "Hallo.", "Hello.", std::nullopt});
    // Language pairs in order (en-de before en-en), then the translation pool; "Bob." is left out.
    EXPECT_EQ(tokenizerTrainingTexts(data),
              (std::vector<std::string>{"who?", "Anna.", "Ann.", "Hallo.", "Hello."}));
}

TEST(SharedTokenizer, HashChangesWithEveryTextAndOption) {
    text::SentencePieceTrainOptions options;
    const std::string base = tokenizerHash({"a b", "c"}, options);
    EXPECT_EQ(base.size(), 64u);
    EXPECT_EQ(tokenizerHash({"a b", "c"}, options), base);
    EXPECT_NE(tokenizerHash({"a", "b c"}, options), base);
    EXPECT_NE(tokenizerHash({"c", "a b"}, options), base);
    options.seed += 1;
    EXPECT_NE(tokenizerHash({"a b", "c"}, options), base);
    options = {};
    options.byteFallback = false;
    EXPECT_NE(tokenizerHash({"a b", "c"}, options), base);
}

}  // namespace
}  // namespace mtrec::experiment
