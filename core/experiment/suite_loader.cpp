#include "experiment/suite_loader.h"

#include <algorithm>
#include <filesystem>
#include <initializer_list>

#include "data/miracl_reader.h"
#include "data/mlqa_r_reader.h"
#include "data/xquad_r_reader.h"

namespace mtrec::experiment {
namespace fs = std::filesystem;
namespace {

bool holdsFileMatching(const fs::path& dir, const std::string& prefix, const std::string& suffix) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return false;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() >= prefix.size() + suffix.size() && name.rfind(prefix, 0) == 0 &&
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            return true;
    }
    return false;
}

/// The first of `candidates` (relative to `base`) that holds a file prefix*suffix, or `base` itself.
fs::path firstHolding(const fs::path& base, std::initializer_list<const char*> candidates,
                      const std::string& prefix, const std::string& suffix) {
    for (const char* relative : candidates) {
        const fs::path dir = base / relative;
        if (holdsFileMatching(dir, prefix, suffix)) return dir;
    }
    return base;
}

fs::path xquadRDir(const fs::path& base) {
    return firstHolding(base, {".", "xquad-r", "xquad-r/xquad-r"}, "", ".json");
}

fs::path mlqaDir(const fs::path& base) {
    return firstHolding(base, {".", "dev", "MLQA_V1/dev", "mlqa/MLQA_V1/dev"}, "dev-context-", ".json");
}

fs::path miraclDir(const fs::path& base) {
    std::error_code ec;
    if (fs::is_directory(base / "miracl" / "topics", ec)) return base / "miracl";
    return base;
}

/// `requested` restricted to the languages `available` says a suite has (all of them when empty).
std::vector<std::string> intersect(const std::vector<std::string>& requested,
                                   const std::vector<std::string>& available) {
    if (requested.empty()) return available;
    std::vector<std::string> kept;
    for (const auto& code : requested)
        if (std::find(available.begin(), available.end(), code) != available.end()) kept.push_back(code);
    return kept;
}

Status addSuite(LoadedSuites& out, Result<data::RetrievalSuite> suite) {
    if (!suite) return suite.error();
    out.suites.push_back(std::move(suite).value());
    return success();
}

/// Languages with a MIRACL topics file, "topics/topics.miracl-v1.0-<lang>-dev.tsv", sorted.
std::vector<std::string> miraclTopicLanguages(const fs::path& dir) {
    const std::string prefix = "topics.miracl-v1.0-", suffix = "-dev.tsv";
    std::vector<std::string> codes;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir / "topics", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() > prefix.size() + suffix.size() && name.rfind(prefix, 0) == 0 &&
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            codes.push_back(name.substr(prefix.size(), name.size() - prefix.size() - suffix.size()));
    }
    std::sort(codes.begin(), codes.end());
    return codes;
}

Status loadMtrecBundle(const SuiteRequest& request, LoadedSuites& out) {
    const fs::path base(request.dataDir);
    static const std::vector<std::string> kXquadR = {"ar", "de", "el", "en", "es", "hi",
                                                     "ru", "th", "tr", "vi", "zh"};
    static const std::vector<std::string> kMlqa = {"ar", "de", "en", "es", "hi", "vi", "zh"};
    if (auto langs = intersect(request.languages, kXquadR); !langs.empty())
        if (Status s = addSuite(out, data::readXquadR(xquadRDir(base).string(), langs)); !s) return s;
    if (auto langs = intersect(request.languages, kMlqa); !langs.empty())
        if (Status s = addSuite(out, data::readMlqaR(mlqaDir(base).string(), langs)); !s) return s;

    const fs::path miracl = miraclDir(base);
    std::vector<std::string> withPassages;
    for (const auto& code : miraclTopicLanguages(miracl))
        if (data::miraclCorpusPresent(miracl.string(), code)) withPassages.push_back(code);
    withPassages = intersect(request.languages, withPassages);
    if (withPassages.empty()) {
        out.notes.push_back("MIRACL left out: no passages under " + (miracl / "corpus").string() +
                            " (the topics/qrels download has none)");
        return success();
    }
    return addSuite(out, data::readMiracl(miracl.string(), withPassages));
}

}  // namespace

Result<LoadedSuites> loadSuites(const SuiteRequest& request) {
    LoadedSuites out;
    const fs::path base(request.dataDir);
    std::error_code ec;
    if (!fs::is_directory(base, ec))
        return Error{"data folder " + request.dataDir + " does not exist or is not a folder"};

    Status status = success();
    if (request.suite == "xquad-r")
        status = addSuite(out, data::readXquadR(xquadRDir(base).string(), request.languages));
    else if (request.suite == "mlqa-r")
        status = addSuite(out, data::readMlqaR(mlqaDir(base).string(), request.languages));
    else if (request.suite == "miracl")
        status = addSuite(out, data::readMiracl(miraclDir(base).string(), request.languages));
    else if (request.suite == "mtrec")
        status = loadMtrecBundle(request, out);
    else
        return Error{"unknown suite '" + request.suite + "' (expected xquad-r, mlqa-r, miracl or mtrec)"};
    if (!status) return status.error();
    if (out.suites.empty()) return Error{"no suite to evaluate in " + request.dataDir};
    return out;
}

}  // namespace mtrec::experiment
