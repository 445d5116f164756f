// Byte fallback: a SentencePiece model trained on English alone spells every other script as UTF-8
// byte pieces, never as <unk>, and decodes them back to the original characters.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "data/expect_error.h"
#include "data/xquad_r_reader.h"
#include "test_support.h"
#include "text/handmade_sentencepiece.h"
#include "text/multilingual_corpus.h"
#include "text/sentencepiece_training.h"
#include "text/unknown_tokens.h"

namespace mtrec::text {
namespace {

/// Latin, Cyrillic, Greek, Thai, Devanagari, Arabic, Chinese and emoji, in NFC with single spaces.
const std::vector<std::string> kEveryScript = {
    "The quick brown fox jumps over the lazy dog.",
    "Съешь же ещё этих мягких французских булок.",
    "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία.",
    "เป็นมนุษย์สุดประเสริฐเลิศคุณค่า",
    "ऋषियों को सताने वाले दुष्ट राक्षसों के राजा रावण का सर्वनाश करने वाले विष्णुवतार भगवान श्रीराम",
    "نص حكيم له سر قاطع وذو شأن عظيم مكتوب على ثوب أخضر ومغلف بجلد أزرق",
    "我能吞下玻璃而不伤身体。",
    "Emoji 😀🚀 and a family 👨‍👩‍👧 with a flag 🇹🇭",
};

/// The ASCII-only sentences of the multilingual corpus: English and the Latin sentences that
/// happen to need no diacritic, so the model knows no other script.
std::vector<std::string> asciiCorpus() {
    std::vector<std::string> ascii;
    for (const std::string& sentence : test::multilingualCorpus(60))
        if (std::all_of(sentence.begin(), sentence.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
            ascii.push_back(sentence);
    return ascii;
}

/// Trains on the ASCII corpus with byte fallback; `normalization` "identity" keeps every code
/// point as written, so decode(encode(text)) can be compared with the text itself.
SentencePieceTokenizer trainAscii(const test::TempDir& dir, const std::string& normalization,
                                  bool byteFallback = true) {
    SentencePieceTrainOptions options;
    options.vocabSize = 400;
    options.hardVocabLimit = false;
    options.characterCoverage = 1.0;
    options.byteFallback = byteFallback;
    options.normalization = normalization;
    Result<SentencePieceTokenizer> trained =
        trainSentencePiece(asciiCorpus(), options, dir.path() / (normalization + ".model"));
    if (!trained) throw std::runtime_error(trained.error().message);
    return std::move(trained).value();
}

/// Runs of spaces become one and the ends are trimmed: what SentencePiece's whitespace handling
/// does to any text, whatever the normalization rule.
std::string singleSpaced(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

void expectRoundTrip(const SentencePieceTokenizer& tokenizer, const std::string& text,
                     const std::string& where) {
    const std::string expected = singleSpaced(text);
    const std::vector<int64_t> ids = tokenizer.encode(expected);
    EXPECT_EQ(std::count(ids.begin(), ids.end(), tokenizer.specialTokens().unknown), 0)
        << where << ": " << expected;
    EXPECT_EQ(tokenizer.decode(ids), expected) << where;
}

TEST(ByteFallback, IsOnByDefaultAndNeedsRoomForTheBytePieces) {
    SentencePieceTrainOptions options;
    EXPECT_TRUE(options.byteFallback);
    options.vocabSize = 260;
    test::expectError(validate(options),
                          {"vocab size 260 must be at least 261", "256 byte pieces"});
    options.vocabSize = 261;
    EXPECT_TRUE(validate(options).ok());
    options.byteFallback = false;
    options.vocabSize = 5;
    EXPECT_TRUE(validate(options).ok());
}

TEST(ByteFallback, EveryScriptRoundTripsThroughAnEnglishModel) {
    test::TempDir dir;
    const SentencePieceTokenizer identity = trainAscii(dir, "identity");
    EXPECT_TRUE(identity.pieceId("<0xE0>").has_value()) << "the 256 byte pieces are in the model";
    for (const std::string& text : kEveryScript) expectRoundTrip(identity, text, "built-in");
    // The default normalization (NFKC) may rewrite characters, but never into <unk>.
    const SentencePieceTokenizer nfkc = trainAscii(dir, "nmt_nfkc");
    for (const std::string& text : kEveryScript)
        EXPECT_EQ(countUnknownTokens(nfkc, {text}).unknown, 0u) << text;
}

TEST(ByteFallback, WithoutItOtherScriptsBecomeUnknown) {
    test::TempDir dir;
    const SentencePieceTokenizer plain = trainAscii(dir, "identity", false);
    const UnknownTokenCount greek = countUnknownTokens(plain, {kEveryScript[2]});
    EXPECT_GT(greek.unknown, 0u);
    EXPECT_GT(greek.share(), 0.0);
    EXPECT_EQ(countUnknownTokens(plain, asciiCorpus()).unknown, 0u) << "its own text is known";
}

TEST(ByteFallback, EveryXquadRCharacterRoundTrips) {
    MTREC_REQUIRE_DATASET("xquad-r");
    const std::string folder = (datasetRoot / "xquad-r" / "xquad-r").string();
    Result<data::RetrievalSuite> suite = data::readXquadR(folder, {});
    ASSERT_TRUE(suite.ok()) << suite.error().message;
    ASSERT_EQ(suite.value().languages.size(), 11u);
    test::TempDir dir;
    const SentencePieceTokenizer identity = trainAscii(dir, "identity");
    for (const data::LanguageData& language : suite.value().languages) {
        for (const data::Query& query : language.queries)
            expectRoundTrip(identity, query.text, language.code + " query " + query.qid);
        for (const data::Candidate& candidate : language.candidates)
            expectRoundTrip(identity, candidate.text, candidate.docno);
        if (HasFailure()) return;  // one language's failures are enough to read
    }
}

TEST(UnknownTokens, CountsTheUnknownIdAmongEveryToken) {
    const Result<SentencePieceTokenizer> hello = SentencePieceTokenizer::fromSerialized(
        test::helloWorldSentencePieceModel(), "hello.model");
    ASSERT_TRUE(hello.ok()) << hello.error().message;
    // "hello world" is ▁hello ▁world; "hello ☃" is ▁hello ▁ <unk>: 1 unknown among 5 tokens.
    const UnknownTokenCount count = countUnknownTokens(hello.value(), {"hello world", "hello ☃"});
    EXPECT_EQ(count.tokens, 5u);
    EXPECT_EQ(count.unknown, 1u);
    EXPECT_DOUBLE_EQ(count.share(), 0.2);
    EXPECT_DOUBLE_EQ(countUnknownTokens(hello.value(), {"hello ☃"}).share(), 1.0 / 3.0);
    EXPECT_EQ(countUnknownTokens(hello.value(), {}).share(), 0.0);
}

}  // namespace
}  // namespace mtrec::text
