#include "analysis/language_subset.h"

#include <algorithm>

namespace mtrec::analysis {

bool LanguageSubset::holds(const store::CellKey& key) const {
    if (isAll()) return true;
    if (key.isSummary() || languages->count(key.queryLang) == 0) return false;
    return key.setting != eval::Setting::Cr || languages->count(key.candLang) > 0;
}

std::string LanguageSubset::describe() const {
    if (isAll()) return "all";
    std::string out;
    for (const std::string& language : *languages) out += (out.empty() ? "" : ", ") + language;
    return out;
}

SeenUnseenLanguages seenUnseenLanguages(const std::vector<std::string>& suiteLanguages,
                                        const std::vector<std::vector<std::string>>& trainedOn) {
    SeenUnseenLanguages out;
    std::size_t trainedRuns = 0;
    for (const auto& languages : trainedOn) trainedRuns += languages.empty() ? 0 : 1;
    if (trainedRuns == 0) return out;
    for (const std::string& language : suiteLanguages) {
        std::size_t runs = 0;
        for (const auto& languages : trainedOn)
            runs += std::count(languages.begin(), languages.end(), language) > 0 ? 1 : 0;
        if (runs == trainedRuns) out.seen.push_back(language);
        if (runs == 0) out.unseen.push_back(language);
    }
    return out;
}

}  // namespace mtrec::analysis
