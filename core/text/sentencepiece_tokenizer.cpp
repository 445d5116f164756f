#include "text/sentencepiece_tokenizer.h"

#include <exception>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <system_error>

#include <sentencepiece_processor.h>

namespace mtrec::text {

namespace {

std::optional<int64_t> optionalId(int id) {
    if (id < 0) return std::nullopt;
    return id;
}

/// `piece` as text would spell it: SentencePiece's word-boundary mark U+2581 as a space.
std::string spelled(std::string piece) {
    const std::string mark = "\u2581";
    for (std::size_t at = piece.find(mark); at != std::string::npos; at = piece.find(mark, at))
        piece.replace(at, mark.size(), " ");
    return piece;
}

/// SentencePiece's BPE fails to encode any text holding the characters of a one-character control
/// or unused piece (it neither matches the piece nor calls it unknown; "▁" stands for the space
/// between words). encode() promises never to fail, so a model that cannot encode the text of its
/// own reserved pieces, alone and between two words, is refused here.
Status encodesItsReservedPieces(const sentencepiece::SentencePieceProcessor& processor,
                                const std::string& origin) {
    for (int id = 0; id < processor.GetPieceSize(); ++id) {
        if (!processor.IsControl(id) && !processor.IsUnused(id)) continue;
        const std::string piece = processor.IdToPiece(id);
        for (const std::string& text : {piece, spelled(piece), "a" + spelled(piece) + " a"}) {
            std::vector<int> ids;
            const auto status = processor.Encode(text, &ids);
            if (!status.ok())
                return Error{origin + ": not a valid SentencePiece model (it cannot encode the " +
                             "text of its piece " + std::to_string(id) + " '" + piece +
                             "': " + status.message() + ")"};
        }
    }
    return success();
}

}  // namespace

Result<SentencePieceTokenizer> SentencePieceTokenizer::load(
    const std::filesystem::path& modelFile) {
    const std::string name = modelFile.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(modelFile, ec))
        return Error{name + ": SentencePiece model file does not exist"};
    std::ifstream in(modelFile, std::ios::binary);
    if (!in) return Error{name + ": cannot open SentencePiece model file"};
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) return Error{name + ": cannot read SentencePiece model file"};
    return fromSerialized(bytes, name);
}

Result<SentencePieceTokenizer> SentencePieceTokenizer::fromSerialized(std::string_view bytes,
                                                                      const std::string& origin) {
    if (bytes.empty()) return Error{origin + ": SentencePiece model is empty"};
    auto processor = std::make_unique<sentencepiece::SentencePieceProcessor>();
    sentencepiece::util::Status status;
    try {
        status = processor->LoadFromSerializedProto(bytes);
    } catch (const std::exception& error) {
        // Some damaged models make SentencePiece throw instead of returning a status (its trie
        // builder refuses a piece that starts with a NUL byte).
        return Error{origin + ": not a valid SentencePiece model (" + error.what() + ")"};
    }
    if (!status.ok())
        return Error{origin + ": not a valid SentencePiece model (" +
                     std::string(status.message()) + ")"};
    if (processor->GetPieceSize() <= 0)
        return Error{origin + ": SentencePiece model has no pieces"};
    if (auto refused = encodesItsReservedPieces(*processor, origin); !refused.ok())
        return refused.error();
    return SentencePieceTokenizer(std::move(processor), origin);
}

SentencePieceTokenizer::SentencePieceTokenizer(
    std::unique_ptr<sentencepiece::SentencePieceProcessor> processor, std::string origin)
    : processor_(std::move(processor)), origin_(std::move(origin)) {
    special_.begin = optionalId(processor_->bos_id());
    special_.end = optionalId(processor_->eos_id());
    special_.unknown = processor_->unk_id();
    special_.pad = processor_->pad_id() >= 0 ? processor_->pad_id() : processor_->unk_id();
}

SentencePieceTokenizer::SentencePieceTokenizer(SentencePieceTokenizer&&) noexcept = default;
SentencePieceTokenizer& SentencePieceTokenizer::operator=(SentencePieceTokenizer&&) noexcept =
    default;
SentencePieceTokenizer::~SentencePieceTokenizer() = default;

std::vector<int64_t> SentencePieceTokenizer::encode(std::string_view text) const {
    std::vector<int> ids;
    const auto status = processor_->Encode(text, &ids);
    if (!status.ok())
        throw std::logic_error(origin_ +
                               ": SentencePiece encode failed: " + std::string(status.message()));
    return {ids.begin(), ids.end()};
}

std::string SentencePieceTokenizer::decode(const std::vector<int64_t>& ids) const {
    std::vector<int> pieceIds;
    pieceIds.reserve(ids.size());
    for (int64_t id : ids) {
        checkId(id);
        pieceIds.push_back(static_cast<int>(id));
    }
    std::string text;
    const auto status = processor_->Decode(pieceIds, &text);
    if (!status.ok())
        throw std::logic_error(origin_ +
                               ": SentencePiece decode failed: " + std::string(status.message()));
    return text;
}

std::string SentencePieceTokenizer::token(int64_t id) const {
    checkId(id);
    return processor_->IdToPiece(static_cast<int>(id));
}

int64_t SentencePieceTokenizer::vocabSize() const {
    return processor_->GetPieceSize();
}

std::optional<int64_t> SentencePieceTokenizer::pieceId(std::string_view piece) const {
    const int id = processor_->PieceToId(piece);
    // PieceToId answers unk_id for an unknown piece; only "<unk>" itself really is that id.
    if (id == processor_->unk_id() && processor_->IdToPiece(id) != piece) return std::nullopt;
    return id;
}

void SentencePieceTokenizer::checkId(int64_t id) const {
    if (id < 0 || id >= vocabSize())
        throw std::out_of_range(origin_ + ": id " + std::to_string(id) + " outside [0, " +
                                std::to_string(vocabSize()) + ")");
}

}  // namespace mtrec::text
