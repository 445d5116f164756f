#include "experiment/training_data_note.h"

#include "common/sha256.h"

namespace mtrec::experiment {
namespace {

void append(std::string& bytes, const std::string& field) {
    bytes += std::to_string(field.size());
    bytes += ':';
    bytes += field;
}

}  // namespace

std::string poolFingerprint(const data::PairPool& pool) {
    std::string bytes;
    for (const data::LanguagePair& languages : pool.languagePairs())
        for (const data::TrainingPair& pair : pool.pairs(languages))
            for (const std::string* field : {&pair.groupId, &pair.queryLang, &pair.passageLang,
                                             &pair.query, &pair.passage})
                append(bytes, *field);
    return sha256Hex(bytes).substr(0, 12);
}

std::string trainingDataNote(const TrainingData& data) {
    return "training data: " + std::to_string(data.train.size()) + " QA pairs (fingerprint " +
           poolFingerprint(data.train) + "), " + std::to_string(data.validation.size()) +
           " validation pairs, " + std::to_string(data.translation.size()) + " translation pairs";
}

}  // namespace mtrec::experiment
