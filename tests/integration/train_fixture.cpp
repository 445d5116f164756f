#include "train_fixture.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace mtrec::test {
namespace {

struct Country {
    std::array<const char*, 3> name;     // en, de, es
    std::array<const char*, 3> capital;  // en, de, es
    int continent;
};

const std::array<Country, kTinyQuestions> kCountries = {{
    {{"France", "Frankreich", "Francia"}, {"Paris", "Paris", "París"}, 0},
    {{"Germany", "Deutschland", "Alemania"}, {"Berlin", "Berlin", "Berlín"}, 0},
    {{"Spain", "Spanien", "España"}, {"Madrid", "Madrid", "Madrid"}, 0},
    {{"Italy", "Italien", "Italia"}, {"Rome", "Rom", "Roma"}, 0},
    {{"Portugal", "Portugal", "Portugal"}, {"Lisbon", "Lissabon", "Lisboa"}, 0},
    {{"Poland", "Polen", "Polonia"}, {"Warsaw", "Warschau", "Varsovia"}, 0},
    {{"Austria", "Österreich", "Austria"}, {"Vienna", "Wien", "Viena"}, 0},
    {{"Greece", "Griechenland", "Grecia"}, {"Athens", "Athen", "Atenas"}, 0},
    {{"Japan", "Japan", "Japón"}, {"Tokyo", "Tokio", "Tokio"}, 1},
    {{"China", "China", "China"}, {"Beijing", "Peking", "Pekín"}, 1},
    {{"India", "Indien", "India"}, {"Delhi", "Delhi", "Delhi"}, 1},
    {{"Egypt", "Ägypten", "Egipto"}, {"Cairo", "Kairo", "El Cairo"}, 2},
    {{"Kenya", "Kenia", "Kenia"}, {"Nairobi", "Nairobi", "Nairobi"}, 2},
    {{"Peru", "Peru", "Perú"}, {"Lima", "Lima", "Lima"}, 3},
    {{"Argentina", "Argentinien", "Argentina"},
     {"Buenos Aires", "Buenos Aires", "Buenos Aires"},
     3},
    {{"Canada", "Kanada", "Canadá"}, {"Ottawa", "Ottawa", "Ottawa"}, 4},
    {{"Mexico", "Mexiko", "México"}, {"Mexico City", "Mexiko-Stadt", "Ciudad de México"}, 4},
    {{"Norway", "Norwegen", "Noruega"}, {"Oslo", "Oslo", "Oslo"}, 0},
    {{"Sweden", "Schweden", "Suecia"}, {"Stockholm", "Stockholm", "Estocolmo"}, 0},
    {{"Russia", "Russland", "Rusia"}, {"Moscow", "Moskau", "Moscú"}, 0},
}};

const std::array<std::array<const char*, 5>, 3> kContinents = {{
    {"Europe", "Asia", "Africa", "South America", "North America"},
    {"Europa", "Asien", "Afrika", "Südamerika", "Nordamerika"},
    {"Europa", "Asia", "África", "América del Sur", "América del Norte"},
}};

const std::array<const char*, 3> kLanguages = {"en", "de", "es"};

/// Code points before byte offset `bytes` of UTF-8 `text` (SQuAD offsets count characters).
int codePoints(const std::string& text, std::size_t bytes) {
    int count = 0;
    for (std::size_t i = 0; i < bytes; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
    return count;
}

nlohmann::json paragraph(std::size_t language, std::size_t index) {
    const Country& c = kCountries[index];
    const std::string name = c.name[language], capital = c.capital[language];
    const std::string continent = kContinents[language][c.continent];
    std::string first, second, question;
    if (language == 0) {
        first = "The capital of " + name + " is " + capital + ".";
        second = name + " is a country in " + continent + ".";
        question = "What is the capital of " + name + "?";
    } else if (language == 1) {
        first = "Die Hauptstadt von " + name + " ist " + capital + ".";
        second = name + " ist ein Land in " + continent + ".";
        question = "Was ist die Hauptstadt von " + name + "?";
    } else {
        first = "La capital de " + name + " es " + capital + ".";
        second = name + " es un país de " + continent + ".";
        question = "¿Cuál es la capital de " + name + "?";
    }
    const std::string context = first + " " + second;
    const int start = codePoints(context, context.find(capital + "."));
    char id[16];
    std::snprintf(id, sizeof id, "q%02zu", index + 1);
    nlohmann::json answer = {{"text", capital}, {"answer_start", start}};
    nlohmann::json qa = {{"id", id}, {"question", question}, {"answers", {answer}}};
    return {{"context", context}, {"qas", {qa}}};
}

}  // namespace

void writeTinyQaCorpus(const std::filesystem::path& folder) {
    std::filesystem::create_directories(folder);
    for (std::size_t language = 0; language < kLanguages.size(); ++language) {
        nlohmann::json paragraphs = nlohmann::json::array();
        for (std::size_t i = 0; i < kCountries.size(); ++i)
            paragraphs.push_back(paragraph(language, i));
        const nlohmann::json document = {
            {"version", "1.0"}, {"data", {{{"title", "Capitals"}, {"paragraphs", paragraphs}}}}};
        const std::string lang = kLanguages[language];
        const auto file = folder / ("dev-context-" + lang + "-question-" + lang + ".json");
        std::ofstream out(file, std::ios::binary);
        if (!out) throw std::runtime_error("cannot write " + file.string());
        out << document.dump();
    }
}

nlohmann::json tinyTrainingConfig(const std::filesystem::path& qaFolder) {
    nlohmann::json config = nlohmann::json::parse(R"({
        "version": 1,
        "name": "tiny-hybrid",
        "seed": 7,
        "threads": 1,
        "data": {"parallel_qa": {"folder": "qa"}, "languages": ["en", "de", "es"]},
        "tokenizer": {"train": {"vocab_size": 120, "character_coverage": 1.0, "byte_fallback": false},
                      "max_length": 32},
        "model": {"hidden_size": 32, "layers": 1, "heads": 2, "intermediate_size": 64,
                  "dropout": 0.0, "attention_dropout": 0.0},
        "strategy": {"name": "hybrid", "batch_size": 8, "alpha": 0.5},
        "optimizer": {"lr": 0.003, "steps": 40, "warmup_steps": 4, "checkpoint_every": 10},
        "evaluation": [{"suite": "mlqa-r", "data": "qa", "allow_overlap": true}]
    })");
    config["data"]["parallel_qa"]["folder"] = qaFolder.string();
    config["evaluation"][0]["data"] = qaFolder.string();
    return config;
}

}  // namespace mtrec::test
