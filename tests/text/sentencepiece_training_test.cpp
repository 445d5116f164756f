#include "text/sentencepiece_training.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "data/expect_error.h"
#include "test_support.h"
#include "text/multilingual_corpus.h"

namespace mtrec::text {
namespace {

using test::expectError;

std::string readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

SentencePieceTrainOptions smallOptions(SentencePieceModelType type) {
    SentencePieceTrainOptions options;
    options.modelType = type;
    options.vocabSize = 450;
    options.characterCoverage = 1.0;
    // Without the 256 byte pieces, so characters outside the vocabulary show as <unk> below.
    options.byteFallback = false;
    return options;
}

/// Trains on the corpus and checks what every trained model must satisfy.
void expectWellFormedModel(SentencePieceModelType type) {
    test::TempDir dir;
    const std::vector<std::string> corpus = test::multilingualCorpus(60);
    const auto path = dir.path() / "sub" / "spm.model";
    Result<SentencePieceTokenizer> trained = trainSentencePiece(corpus, smallOptions(type), path);
    ASSERT_TRUE(trained.ok()) << trained.error().message;
    const SentencePieceTokenizer& tokenizer = trained.value();

    EXPECT_EQ(tokenizer.vocabSize(), 450);
    EXPECT_EQ(tokenizer.token(0), "<unk>");
    EXPECT_EQ(tokenizer.token(1), "<s>");
    EXPECT_EQ(tokenizer.token(2), "</s>");
    EXPECT_EQ(tokenizer.token(3), "<pad>");
    const SpecialTokens& special = tokenizer.specialTokens();
    EXPECT_EQ(special.unknown, 0);
    EXPECT_EQ(special.begin, 1);
    EXPECT_EQ(special.end, 2);
    EXPECT_EQ(special.pad, 3);

    Result<SentencePieceTokenizer> reloaded = SentencePieceTokenizer::load(path);
    ASSERT_TRUE(reloaded.ok()) << reloaded.error().message;
    for (const std::string& sentence : corpus) {
        const std::vector<int64_t> ids = tokenizer.encode(sentence);
        ASSERT_FALSE(ids.empty());
        for (int64_t id : ids) {
            EXPECT_GE(id, 4) << "no special or unknown id inside text: " << sentence;
            EXPECT_LT(id, 450);
        }
        EXPECT_EQ(tokenizer.decode(ids), sentence);
        EXPECT_EQ(reloaded.value().encode(sentence), ids);
    }
    // Subwords, not characters: the corpus takes far fewer pieces than it has code points.
    std::size_t pieces = 0;
    std::size_t codePoints = 0;
    for (const std::string& sentence : corpus) {
        pieces += tokenizer.encode(sentence).size();
        for (char byte : sentence) codePoints += (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
    }
    EXPECT_LT(pieces * 2, codePoints);
}

TEST(SentencePieceTraining, UnigramModelOnElevenLanguages) {
    expectWellFormedModel(SentencePieceModelType::Unigram);
}

TEST(SentencePieceTraining, BpeModelOnElevenLanguages) {
    expectWellFormedModel(SentencePieceModelType::Bpe);
}

TEST(SentencePieceTraining, SameTextsAndOptionsGiveTheSameModelBytes) {
    test::TempDir dir;
    const std::vector<std::string> corpus = test::multilingualCorpus(60);
    for (auto type : {SentencePieceModelType::Unigram, SentencePieceModelType::Bpe}) {
        const auto a = dir.path() / "a.model";
        const auto b = dir.path() / "b.model";
        ASSERT_TRUE(trainSentencePiece(corpus, smallOptions(type), a).ok());
        ASSERT_TRUE(trainSentencePiece(corpus, smallOptions(type), b).ok());
        const std::string bytesA = readBytes(a);
        EXPECT_GT(bytesA.size(), 1000u);
        EXPECT_EQ(bytesA, readBytes(b));
    }
}

TEST(SentencePieceTraining, SampledSentencesAreDrawnWithTheSeed) {
    test::TempDir dir;
    const std::vector<std::string> corpus = test::multilingualCorpus(80);
    SentencePieceTrainOptions options = smallOptions(SentencePieceModelType::Unigram);
    options.vocabSize = 300;
    options.maxSentences = 400;
    ASSERT_TRUE(trainSentencePiece(corpus, options, dir.path() / "a.model").ok());
    ASSERT_TRUE(trainSentencePiece(corpus, options, dir.path() / "b.model").ok());
    EXPECT_EQ(readBytes(dir.path() / "a.model"), readBytes(dir.path() / "b.model"));
}

TEST(SentencePieceTraining, CharacterCoverageDropsRareCharacters) {
    test::TempDir dir;
    std::vector<std::string> corpus = test::multilingualCorpus(60);
    corpus.push_back("snow ☃ man");  // one "☃" among tens of thousands of characters
    SentencePieceTrainOptions options = smallOptions(SentencePieceModelType::Unigram);

    options.characterCoverage = 0.9995;
    auto partial = trainSentencePiece(corpus, options, dir.path() / "partial.model");
    ASSERT_TRUE(partial.ok()) << partial.error().message;
    EXPECT_EQ(partial.value().pieceId("☃"), std::nullopt);
    const std::vector<int64_t> snowman = partial.value().encode("☃");
    EXPECT_NE(std::find(snowman.begin(), snowman.end(), 0), snowman.end()) << "☃ is <unk>";

    options.characterCoverage = 1.0;
    auto full = trainSentencePiece(corpus, options, dir.path() / "full.model");
    ASSERT_TRUE(full.ok()) << full.error().message;
    EXPECT_TRUE(full.value().pieceId("☃").has_value());
    EXPECT_EQ(full.value().decode(full.value().encode("snow ☃ man")), "snow ☃ man");
}

TEST(SentencePieceTraining, TooLargeVocabularyIsAnErrorUnlessTheLimitIsSoft) {
    test::TempDir dir;
    const std::vector<std::string> corpus = test::multilingualCorpus(5);
    SentencePieceTrainOptions options = smallOptions(SentencePieceModelType::Unigram);
    options.vocabSize = 5000;
    const auto path = dir.path() / "big.model";
    expectError(trainSentencePiece(corpus, options, path), {path.string(), "failed"});
    EXPECT_FALSE(std::filesystem::exists(path));

    options.hardVocabLimit = false;
    auto soft = trainSentencePiece(corpus, options, path);
    ASSERT_TRUE(soft.ok()) << soft.error().message;
    EXPECT_LT(soft.value().vocabSize(), 5000);
    EXPECT_GT(soft.value().vocabSize(), 100);
}

TEST(SentencePieceTraining, BadOptionsAreListedTogether) {
    SentencePieceTrainOptions options;
    options.vocabSize = 3;
    options.characterCoverage = 1.5;
    options.numThreads = 0;
    expectError(validate(options),
                {"vocab size 3", "character coverage 1.5", "thread count must be positive"});
    test::TempDir dir;
    expectError(trainSentencePiece({"some text"}, options, dir.path() / "x.model"),
                {"vocab size 3"});
}

TEST(SentencePieceTraining, NoTextIsAnError) {
    test::TempDir dir;
    const auto path = dir.path() / "x.model";
    expectError(trainSentencePiece({"", ""}, SentencePieceTrainOptions{}, path),
                {path.string(), "no texts"});
}

}  // namespace
}  // namespace mtrec::text
