#include "data_languages.h"

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "data/parallel_qa_pairs.h"

namespace mtrec::ui {

std::filesystem::path resolvePath(const std::string& path, const std::filesystem::path& baseDir) {
    const std::filesystem::path given(path);
    return given.is_absolute() || baseDir.empty() ? given : baseDir / given;
}

namespace {

void addJsonlLanguages(const std::filesystem::path& file, std::set<std::string>& out) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        const nlohmann::json row = nlohmann::json::parse(line, nullptr, false);
        if (row.is_object() && row.contains("lang") && row["lang"].is_string())
            out.insert(row["lang"].get<std::string>());
    }
}

}  // namespace

std::vector<std::string> offeredLanguages(const experiment::DataConfig& data,
                                          const std::filesystem::path& baseDir) {
    std::set<std::string> languages;
    if (!data.parallelQaFolder.empty())
        for (const std::string& language :
             data::qaLanguagesIn(resolvePath(data.parallelQaFolder, baseDir).string()))
            languages.insert(language);
    for (const auto& entry : data.parallelQaFiles) languages.insert(entry.first);
    for (const std::string& file : data.jsonlFiles)
        addJsonlLanguages(resolvePath(file, baseDir), languages);
    return {languages.begin(), languages.end()};
}

}  // namespace mtrec::ui
