#pragma once

#include <string>
#include <vector>

namespace mtrec::test {

/// One piece of a hand-made SentencePiece model. Types follow sentencepiece_model.proto:
/// 1 normal, 2 unknown, 3 control.
struct HandmadePiece {
    std::string piece;
    float score = 0.0f;
    int type = 1;
};

/// Serializes a unigram ModelProto with these pieces, in id order, and a normalizer that only
/// handles whitespace (no character map): a model whose segmentation can be worked out by hand
/// (Viterbi over the scores). Written with the protobuf wire format directly, so the test needs no
/// generated code. `modelType` is the trainer spec's model_type (1 unigram, 2 BPE).
std::string handmadeSentencePieceModel(const std::vector<HandmadePiece>& pieces, int modelType = 1);

/// The model the tests work with: <unk>=0, <s>=1, </s>=2, ▁hello=3, ▁world=4, ▁=5, h=6, e=7, l=8,
/// o=9, w=10, r=11, d=12.
std::string helloWorldSentencePieceModel();

}  // namespace mtrec::test
