#include "data_languages.h"

#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "data/parallel_qa_pairs.h"

namespace mtrec::ui {

std::filesystem::path resolvePath(const std::string& path, const std::filesystem::path& baseDir) {
    const std::filesystem::path given(path);
    return given.is_absolute() || baseDir.empty() ? given : baseDir / given;
}

namespace {

std::set<std::string> readJsonlLanguages(const std::filesystem::path& file) {
    std::set<std::string> languages;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        const nlohmann::json row = nlohmann::json::parse(line, nullptr, false);
        if (row.is_object() && row.contains("lang") && row["lang"].is_string())
            languages.insert(row["lang"].get<std::string>());
    }
    return languages;
}

/// The file's languages, read again only when its modification time changes (the form asks on
/// every edit of the data sources). GUI thread only.
void addJsonlLanguages(const std::filesystem::path& file, std::set<std::string>& out) {
    struct Entry {
        std::filesystem::file_time_type modified;
        std::set<std::string> languages;
    };
    static std::map<std::string, Entry> cache;
    std::error_code ec;
    const auto modified = std::filesystem::last_write_time(file, ec);
    if (ec) return;
    auto it = cache.find(file.string());
    if (it == cache.end() || it->second.modified != modified)
        it = cache.insert_or_assign(file.string(), Entry{modified, readJsonlLanguages(file)}).first;
    out.insert(it->second.languages.begin(), it->second.languages.end());
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
