#include "data/pair_pool.h"

#include <set>
#include <stdexcept>

namespace mtrec::data {

void PairPool::add(TrainingPair pair) {
    LanguagePair languages{pair.queryLang, pair.passageLang};
    if (!groupsIn_[languages].insert(pair.groupId).second)
        throw std::invalid_argument("PairPool: group '" + pair.groupId + "' added twice for " +
                                    languages.label());
    pools_[languages].push_back(std::move(pair));
    ++size_;
}

bool PairPool::contains(const LanguagePair& languages, const std::string& groupId) const {
    const auto found = groupsIn_.find(languages);
    return found != groupsIn_.end() && found->second.count(groupId) > 0;
}

std::vector<LanguagePair> PairPool::languagePairs() const {
    std::vector<LanguagePair> result;
    for (const auto& [languages, pairs] : pools_)
        if (!pairs.empty()) result.push_back(languages);
    return result;
}

std::vector<LanguagePair> PairPool::monolingualPairs() const {
    std::vector<LanguagePair> result;
    for (const LanguagePair& languages : languagePairs())
        if (languages.monolingual()) result.push_back(languages);
    return result;
}

std::vector<LanguagePair> PairPool::crossLingualPairs() const {
    std::vector<LanguagePair> result;
    for (const LanguagePair& languages : languagePairs())
        if (!languages.monolingual()) result.push_back(languages);
    return result;
}

const std::vector<TrainingPair>& PairPool::pairs(const LanguagePair& languages) const {
    static const std::vector<TrainingPair> kNone;
    const auto found = pools_.find(languages);
    return found == pools_.end() ? kNone : found->second;
}

std::size_t PairPool::monolingualCount() const {
    std::size_t count = 0;
    for (const auto& [languages, pairs] : pools_)
        if (languages.monolingual()) count += pairs.size();
    return count;
}

std::size_t PairPool::crossLingualCount() const {
    return size_ - monolingualCount();
}

std::vector<std::string> PairPool::languages() const {
    std::set<std::string> codes;
    for (const LanguagePair& languages : languagePairs()) {
        codes.insert(languages.query);
        codes.insert(languages.passage);
    }
    return {codes.begin(), codes.end()};
}

std::vector<std::string> PairPool::groupIds() const {
    std::set<std::string> ids;
    for (const auto& [languages, groups] : groupsIn_) ids.insert(groups.begin(), groups.end());
    return {ids.begin(), ids.end()};
}

}  // namespace mtrec::data
