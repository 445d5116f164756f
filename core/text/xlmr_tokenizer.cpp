#include "text/xlmr_tokenizer.h"

#include <stdexcept>
#include <system_error>
#include <vector>

#include "common/json_document.h"
#include "common/json_reader.h"

namespace mtrec::text {

namespace {

/// SentencePiece's ids of the pieces XLM-R expects at fixed places.
constexpr int64_t kPieceUnknown = 0;
constexpr int64_t kPieceBegin = 1;
constexpr int64_t kPieceEnd = 2;

Result<int64_t> readConfigVocabSize(const std::filesystem::path& configFile) {
    Result<JsonDocument> document = JsonDocument::read(configFile.string());
    if (!document) return document.error();
    std::vector<JsonProblem> problems;
    JsonReader config = JsonReader::document(document.value().root().json(), problems);
    int64_t vocabSize = 0;
    config.integer("vocab_size", vocabSize, config.present());
    if (!problems.empty()) return Error{describeProblems(configFile.string(), problems)};
    return vocabSize;
}

}  // namespace

Result<XlmRobertaTokenizer> XlmRobertaTokenizer::loadFolder(const std::filesystem::path& folder) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        return Error{folder.string() + ": XLM-R model folder does not exist"};
    const std::filesystem::path configFile = folder / "config.json";
    if (!std::filesystem::is_regular_file(configFile, ec))
        return Error{configFile.string() + ": XLM-R config file does not exist"};

    Result<SentencePieceTokenizer> pieces =
        SentencePieceTokenizer::load(folder / "sentencepiece.bpe.model");
    if (!pieces) return pieces.error();
    Result<XlmRobertaTokenizer> tokenizer = fromSentencePiece(std::move(pieces).value());
    if (!tokenizer) return tokenizer;

    Result<int64_t> configVocab = readConfigVocabSize(configFile);
    if (!configVocab) return configVocab.error();
    if (configVocab.value() < tokenizer.value().vocabSize())
        return Error{configFile.string() + ": \"vocab_size\" " +
                     std::to_string(configVocab.value()) + " is smaller than the " +
                     std::to_string(tokenizer.value().vocabSize()) +
                     " ids of sentencepiece.bpe.model with XLM-R's offset and <mask>"};
    return tokenizer;
}

Result<XlmRobertaTokenizer> XlmRobertaTokenizer::fromSentencePiece(SentencePieceTokenizer pieces) {
    const SpecialTokens& special = pieces.specialTokens();
    if (special.unknown != kPieceUnknown || special.begin != kPieceBegin ||
        special.end != kPieceEnd)
        return Error{pieces.origin() +
                     ": not laid out like XLM-R's SentencePiece model (needs <unk>=0, <s>=1, "
                     "</s>=2)"};
    return XlmRobertaTokenizer(std::move(pieces));
}

XlmRobertaTokenizer::XlmRobertaTokenizer(SentencePieceTokenizer pieces)
    : pieces_(std::move(pieces)) {
    special_.begin = kBegin;
    special_.end = kEnd;
    special_.pad = kPad;
    special_.unknown = kUnknown;
}

int64_t XlmRobertaTokenizer::fromPieceId(int64_t pieceId) {
    if (pieceId < 0)
        throw std::out_of_range("negative SentencePiece id " + std::to_string(pieceId));
    switch (pieceId) {
        case kPieceUnknown:
            return kUnknown;
        case kPieceBegin:
            return kBegin;
        case kPieceEnd:
            return kEnd;
        default:
            return pieceId + 1;
    }
}

std::optional<int64_t> XlmRobertaTokenizer::toPieceId(int64_t id) const {
    checkId(id);
    switch (id) {
        case kBegin:
            return kPieceBegin;
        case kPad:
            return std::nullopt;
        case kEnd:
            return kPieceEnd;
        case kUnknown:
            return kPieceUnknown;
        default:
            return id == maskId() ? std::nullopt : std::optional<int64_t>(id - 1);
    }
}

std::vector<int64_t> XlmRobertaTokenizer::encode(std::string_view text) const {
    std::vector<int64_t> ids = pieces_.encode(text);
    for (int64_t& id : ids) id = fromPieceId(id);
    return ids;
}

std::string XlmRobertaTokenizer::decode(const std::vector<int64_t>& ids) const {
    std::vector<int64_t> pieceIds;
    pieceIds.reserve(ids.size());
    for (int64_t id : ids) {
        if (id == kBegin || id == kEnd || id == kPad || id == maskId()) {
            checkId(id);
            continue;
        }
        pieceIds.push_back(*toPieceId(id));
    }
    return pieces_.decode(pieceIds);
}

std::string XlmRobertaTokenizer::token(int64_t id) const {
    checkId(id);
    if (id == kPad) return "<pad>";
    if (id == maskId()) return "<mask>";
    return pieces_.token(*toPieceId(id));
}

void XlmRobertaTokenizer::checkId(int64_t id) const {
    if (id < 0 || id >= vocabSize())
        throw std::out_of_range(pieces_.origin() + ": XLM-R id " + std::to_string(id) +
                                " outside [0, " + std::to_string(vocabSize()) + ")");
}

}  // namespace mtrec::text
