#include "experiment/truncation_note.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

namespace mtrec::experiment {
namespace {

constexpr std::size_t kPassagesChecked = 2000;

/// The first kPassagesChecked distinct passages of the pool, in pool order.
std::vector<const std::string*> passagesToCheck(const data::PairPool& train) {
    std::vector<const std::string*> passages;
    std::unordered_set<std::string> seen;
    for (const data::LanguagePair& languages : train.languagePairs())
        for (const data::TrainingPair& pair : train.pairs(languages)) {
            if (passages.size() == kPassagesChecked) return passages;
            if (seen.insert(pair.passage).second) passages.push_back(&pair.passage);
        }
    return passages;
}

}  // namespace

std::string truncationNote(const data::PairPool& train, const text::BatchEncoder& encoder) {
    const std::size_t maxLength = encoder.options().maxLength;
    // The tokens every passage row carries besides its text: special tokens and the prefix.
    const std::size_t overhead = encoder.encodeOne("", text::TextRole::Passage).size();
    std::vector<std::size_t> lengths;
    for (const std::string* passage : passagesToCheck(train))
        lengths.push_back(encoder.tokenizer().encode(*passage).size() + overhead);
    const std::size_t cut = static_cast<std::size_t>(std::count_if(
        lengths.begin(), lengths.end(), [&](std::size_t length) { return length > maxLength; }));
    if (lengths.empty() || 2 * cut <= lengths.size()) return "";
    std::nth_element(lengths.begin(), lengths.begin() + lengths.size() / 2, lengths.end());
    const std::size_t percent = (100 * cut + lengths.size() / 2) / lengths.size();
    return "max_length " + std::to_string(maxLength) + " cuts " + std::to_string(percent) +
           "% of the training passages (" + std::to_string(cut) + " of " +
           std::to_string(lengths.size()) + " checked; median " +
           std::to_string(lengths[lengths.size() / 2]) + " tokens): their tails are not trained on";
}

}  // namespace mtrec::experiment
