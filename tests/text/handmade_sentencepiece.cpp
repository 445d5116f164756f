#include "text/handmade_sentencepiece.h"

#include <cstdint>
#include <cstring>

namespace mtrec::test {

namespace {

void appendVarint(std::string& out, uint64_t value) {
    while (value >= 0x80) {
        out += static_cast<char>((value & 0x7F) | 0x80);
        value >>= 7;
    }
    out += static_cast<char>(value);
}

void appendKey(std::string& out, int field, int wireType) {
    appendVarint(out, static_cast<uint64_t>(field) << 3 | static_cast<uint64_t>(wireType));
}

void appendBytes(std::string& out, int field, const std::string& bytes) {
    appendKey(out, field, 2);
    appendVarint(out, bytes.size());
    out += bytes;
}

void appendFloat(std::string& out, int field, float value) {
    appendKey(out, field, 5);
    uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    for (int i = 0; i < 4; ++i) out += static_cast<char>((bits >> (8 * i)) & 0xFF);
}

void appendInt(std::string& out, int field, uint64_t value) {
    appendKey(out, field, 0);
    appendVarint(out, value);
}

}  // namespace

std::string handmadeSentencePieceModel(const std::vector<HandmadePiece>& pieces, int modelType) {
    std::string model;
    for (const HandmadePiece& piece : pieces) {
        std::string message;
        appendBytes(message, 1, piece.piece);
        appendFloat(message, 2, piece.score);
        appendInt(message, 3, static_cast<uint64_t>(piece.type));
        appendBytes(model, 1, message);  // ModelProto.pieces
    }
    std::string trainerSpec;
    appendInt(trainerSpec, 3, static_cast<uint64_t>(modelType));  // model_type
    appendBytes(model, 2, trainerSpec);
    std::string normalizerSpec;
    appendBytes(normalizerSpec, 1, "identity");  // name; no precompiled_charsmap
    appendBytes(model, 3, normalizerSpec);
    return model;
}

std::string helloWorldSentencePieceModel() {
    return handmadeSentencePieceModel({{"<unk>", 0, 2},
                                       {"<s>", 0, 3},
                                       {"</s>", 0, 3},
                                       {"\u2581hello", -1},
                                       {"\u2581world", -1},
                                       {"\u2581", -2},
                                       {"h", -3},
                                       {"e", -3},
                                       {"l", -3},
                                       {"o", -3},
                                       {"w", -3},
                                       {"r", -3},
                                       {"d", -3}});
}

}  // namespace mtrec::test
