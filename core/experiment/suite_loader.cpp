#include "experiment/suite_loader.h"

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <set>

#include "data/lareqa_mlqa_r_reader.h"
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

/// The first of `candidates` (relative to `base`) that holds a file prefix*suffix, or `base`
/// itself.
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
    return firstHolding(base, {".", "dev", "MLQA_V1/dev", "mlqa/MLQA_V1/dev"}, "dev-context-",
                        ".json");
}

/// The folder of LAReQA's MLQA-R files (<lang>.json): `base` or base/mlqa-r, if either holds them.
std::optional<fs::path> lareqaMlqaRDir(const fs::path& base) {
    for (const fs::path& dir : {base, base / "mlqa-r"})
        if (!data::lareqaMlqaRLanguages(dir.string()).empty()) return dir;
    return std::nullopt;
}

/// MLQA-R from LAReQA's files where `base` holds them, else split from raw MLQA dev with ICU.
Result<data::RetrievalSuite> readMlqaRSuite(const fs::path& base,
                                            const std::vector<std::string>& languages) {
    if (const auto lareqa = lareqaMlqaRDir(base))
        return data::readLareqaMlqaR(lareqa->string(), languages);
    return data::readMlqaR(mlqaDir(base).string(), languages);
}

std::vector<std::string> mlqaRLanguagesIn(const fs::path& base) {
    if (const auto lareqa = lareqaMlqaRDir(base))
        return data::lareqaMlqaRLanguages(lareqa->string());
    return data::mlqaRLanguages(mlqaDir(base).string());
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
        if (std::find(available.begin(), available.end(), code) != available.end())
            kept.push_back(code);
    return kept;
}

Status addSuite(LoadedSuites& out, Result<data::RetrievalSuite> suite) {
    if (!suite) return suite.error();
    out.suites.push_back(std::move(suite).value());
    return success();
}

/// MIRACL's languages whose passages are present.
std::vector<std::string> miraclLanguagesWithPassages(const fs::path& dir) {
    std::vector<std::string> codes;
    for (const auto& code : data::miraclLanguages(dir.string()))
        if (data::miraclCorpusPresent(dir.string(), code)) codes.push_back(code);
    return codes;
}

Status loadMtrecBundle(const SuiteRequest& request, LoadedSuites& out) {
    const fs::path base(request.dataDir);
    static const std::vector<std::string> kXquadR = {"ar", "de", "el", "en", "es", "hi",
                                                     "ru", "th", "tr", "vi", "zh"};
    static const std::vector<std::string> kMlqa = {"ar", "de", "en", "es", "hi", "vi", "zh"};
    if (auto langs = intersect(request.languages, kXquadR); !langs.empty())
        if (Status s = addSuite(out, data::readXquadR(xquadRDir(base).string(), langs)); !s)
            return s;
    if (auto langs = intersect(request.languages, kMlqa); !langs.empty())
        if (Status s = addSuite(out, readMlqaRSuite(base, langs)); !s) return s;

    const fs::path miracl = miraclDir(base);
    const std::vector<std::string> withPassages =
        intersect(request.languages, miraclLanguagesWithPassages(miracl));
    if (withPassages.empty()) {
        out.notes.push_back("MIRACL left out: no passages under " + (miracl / "corpus").string() +
                            " (the topics/qrels download has none)");
        return success();
    }
    return addSuite(out, data::readMiracl(miracl.string(), withPassages));
}

Status checkDataFolder(const std::string& dataDir) {
    std::error_code ec;
    if (!fs::is_directory(dataDir, ec))
        return Error{"data folder " + dataDir + " does not exist or is not a folder"};
    return success();
}

Error unknownSuite(const std::string& suite) {
    return Error{"unknown suite '" + suite + "' (expected xquad-r, mlqa-r, miracl or mtrec)"};
}

}  // namespace

Result<LoadedSuites> loadSuites(const SuiteRequest& request) {
    LoadedSuites out;
    const fs::path base(request.dataDir);
    if (Status folder = checkDataFolder(request.dataDir); !folder) return folder.error();

    Status status = success();
    if (request.suite == "xquad-r")
        status = addSuite(out, data::readXquadR(xquadRDir(base).string(), request.languages));
    else if (request.suite == "mlqa-r")
        status = addSuite(out, readMlqaRSuite(base, request.languages));
    else if (request.suite == "miracl")
        status = addSuite(out, data::readMiracl(miraclDir(base).string(), request.languages));
    else if (request.suite == "mtrec")
        status = loadMtrecBundle(request, out);
    else
        return unknownSuite(request.suite);
    if (!status) return status.error();
    if (out.suites.empty()) return Error{"no suite to evaluate in " + request.dataDir};
    return out;
}

Result<std::vector<std::string>> suiteLanguages(const std::string& suite,
                                                const std::string& dataDir) {
    if (std::find(kSuiteNames.begin(), kSuiteNames.end(), suite) == kSuiteNames.end())
        return unknownSuite(suite);
    if (Status folder = checkDataFolder(dataDir); !folder) return folder.error();
    const fs::path base(dataDir);
    std::set<std::string> codes;
    const auto add = [&](const std::vector<std::string>& found) {
        codes.insert(found.begin(), found.end());
    };
    if (suite == "xquad-r" || suite == "mtrec")
        add(data::xquadRLanguages(xquadRDir(base).string()));
    if (suite == "mlqa-r" || suite == "mtrec") add(mlqaRLanguagesIn(base));
    if (suite == "miracl") add(data::miraclLanguages(miraclDir(base).string()));
    if (suite == "mtrec") add(miraclLanguagesWithPassages(miraclDir(base)));
    return std::vector<std::string>(codes.begin(), codes.end());
}

}  // namespace mtrec::experiment
