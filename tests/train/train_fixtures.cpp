#include "train_fixtures.h"

#include <numeric>
#include <set>

namespace mtrec::test {

data::PairPool parallelPool(const std::vector<std::string>& languages, std::size_t groups,
                            const std::map<std::string, std::size_t>& groupsOf) {
    const auto count = [&](const std::string& lang) {
        const auto found = groupsOf.find(lang);
        return found == groupsOf.end() ? groups : found->second;
    };
    data::PairPool pool;
    for (const std::string& x : languages)
        for (const std::string& y : languages)
            for (std::size_t g = 0; g < std::min(count(x), count(y)); ++g) {
                const std::string id = std::to_string(g);
                pool.add({"g" + id, x, y, "q:" + x + ":" + id, "p:" + y + ":" + id,
                          "n:" + y + ":" + id});
            }
    return pool;
}

data::PairPool translationPool(const std::string& queryLang, const std::string& passageLang,
                               std::size_t count) {
    data::PairPool pool;
    for (std::size_t i = 0; i < count; ++i)
        pool.add({"t" + std::to_string(i), queryLang, passageLang, "s" + std::to_string(i),
                  "t" + std::to_string(i), std::nullopt});
    return pool;
}

bool groupsDistinct(const train::Batch& batch) {
    std::set<std::string> groups;
    for (const data::TrainingPair* pair : batch.pairs)
        if (!groups.insert(pair->groupId).second) return false;
    return true;
}

double chiSquare(const std::vector<double>& observed, const std::vector<double>& probabilities) {
    const double total = std::accumulate(observed.begin(), observed.end(), 0.0);
    double statistic = 0.0;
    for (std::size_t i = 0; i < observed.size(); ++i) {
        const double expected = total * probabilities[i];
        statistic += (observed[i] - expected) * (observed[i] - expected) / expected;
    }
    return statistic;
}

}  // namespace mtrec::test

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

namespace mtrec::test {

std::string squadJson(const std::vector<FixtureParagraph>& paragraphs) {
    nlohmann::json items = nlohmann::json::array();
    for (const FixtureParagraph& paragraph : paragraphs) {
        nlohmann::json qas = nlohmann::json::array();
        for (const FixtureQuestion& question : paragraph.questions)
            qas.push_back({{"id", question.id},
                           {"question", question.question},
                           {"answers", {{{"text", "x"}, {"answer_start", question.answerStart}}}}});
        items.push_back({{"context", paragraph.context}, {"qas", qas}});
    }
    return nlohmann::json{{"version", "1.0"}, {"data", {{{"title", "T"}, {"paragraphs", items}}}}}
        .dump(1);
}

std::string writeParallelQaFixture(const std::string& dir) {
    const auto write = [&](const std::string& lang, const std::vector<FixtureParagraph>& data) {
        std::filesystem::create_directories(dir);
        std::ofstream(std::filesystem::path(dir) /
                      ("dev-context-" + lang + "-question-" + lang + ".json"))
            << squadJson(data);
    };
    // "Beta" starts at 16 in both three-sentence contexts, at 19 in the French one.
    write("en", {{"Alpha is first. Beta is second. Gamma is third.",
                  {{"q1", "What is second?", 16}, {"q2", "What is first?", 0}}},
                 {"One sentence only.", {{"q3", "How many sentences?", 0}}}});
    write("de", {{"Alpha ist erst. Beta ist zweit. Gamma ist dritt.",
                  {{"q1", "Was ist zweit?", 16}, {"q2", "Was ist erst?", 0}}},
                 {"Nur ein Satz.", {{"q3", "Wie viele Saetze?", 0}}}});
    write("fr", {{"Alpha est premier. Beta est second.",
                  {{"q1", "Qu'est-ce qui est second ?", 19}, {"q2", "Qui est premier ?", 0}}}});
    return dir;
}

}  // namespace mtrec::test
