#include "data/dataset_dir.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace mtrec::data {

std::optional<std::string> withoutSuffix(const std::string& fileName, const std::string& suffix) {
    if (fileName.size() <= suffix.size() ||
        fileName.compare(fileName.size() - suffix.size(), suffix.size(), suffix) != 0)
        return std::nullopt;
    return fileName.substr(0, fileName.size() - suffix.size());
}

Result<std::vector<std::string>> chooseLanguages(const std::string& dir,
                                                 const std::vector<std::string>& requested,
                                                 const LanguageOfFile& languageOf,
                                                 const std::string& pattern) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return Error{dir + ": folder not found"};
    std::set<std::string> seen;
    for (const std::string& code : requested) {
        if (code.empty()) return Error{dir + ": empty language code requested"};
        if (!seen.insert(code).second)
            return Error{dir + ": language '" + code + "' requested twice"};
    }
    if (!requested.empty()) return requested;
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (!entry.is_regular_file(ec)) continue;
        if (auto code = languageOf(entry.path().filename().string()))
            found.push_back(std::move(*code));
    }
    if (ec) return Error{dir + ": cannot list folder: " + ec.message()};
    if (found.empty()) return Error{dir + ": no " + pattern + " files found"};
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace mtrec::data
