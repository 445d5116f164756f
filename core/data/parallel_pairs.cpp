#include "data/parallel_pairs.h"

#include <set>
#include <stdexcept>
#include <unordered_map>

namespace mtrec::data {
namespace {

using ItemIndex = std::unordered_map<std::string, const QaItem*>;

ItemIndex indexById(const LanguageItems& language) {
    ItemIndex index;
    for (const QaItem& item : language.items)
        if (!index.emplace(item.id, &item).second)
            throw std::invalid_argument("addParallelPairs: id '" + item.id + "' twice in '" +
                                        language.lang + "'");
    return index;
}

TrainingPair makePair(const QaItem& question, const std::string& queryLang, const QaItem& answer,
                      const std::string& passageLang) {
    return TrainingPair{question.id,    queryLang,      passageLang,
                        question.query, answer.passage, answer.hardNegative};
}

}  // namespace

void addParallelPairs(const std::vector<LanguageItems>& languages, PairKinds kinds,
                      PairPool& pool) {
    std::set<std::string> seen;
    std::vector<ItemIndex> indices;
    for (const LanguageItems& language : languages) {
        if (!seen.insert(language.lang).second)
            throw std::invalid_argument("addParallelPairs: language '" + language.lang +
                                        "' given twice");
        indices.push_back(indexById(language));
    }
    for (std::size_t x = 0; x < languages.size(); ++x) {
        const LanguageItems& queries = languages[x];
        for (const QaItem& item : queries.items) {
            if (kinds.monolingual) pool.add(makePair(item, queries.lang, item, queries.lang));
            if (!kinds.crossLingual) continue;
            for (std::size_t y = 0; y < languages.size(); ++y) {
                if (y == x) continue;
                const auto other = indices[y].find(item.id);
                if (other != indices[y].end())
                    pool.add(makePair(item, queries.lang, *other->second, languages[y].lang));
            }
        }
    }
}

}  // namespace mtrec::data
