// The diagnostics read of ResultRepository: unk share and tied relevant queries per language.

#include <map>

#include "store/result_repository.h"

namespace mtrec::store {

namespace {

std::optional<TiedQueries>& tiesOf(LanguageDiagnostics& language, const CellKey& key) {
    if (key.setting == eval::Setting::Mo) return language.mo;
    return key.setting == eval::Setting::Cr ? language.cr : language.mul;
}

void addTies(std::optional<TiedQueries>& ties, const EvalCell& cell) {
    if (!ties) ties = TiedQueries{};
    ties->tied += static_cast<std::int64_t>(cell.value);
    ties->queries += cell.queryCount.value_or(0);
}

}  // namespace

Result<std::vector<LanguageDiagnostics>> ResultRepository::languageDiagnostics(
    std::int64_t runId, const std::string& suite) {
    std::map<std::string, LanguageDiagnostics> byLanguage;
    for (const Measure measure : kDiagnosticMeasures) {
        Result<std::vector<EvalCell>> cells = matrix(runId, suite, measure);
        if (!cells) return cells.error();
        for (const EvalCell& cell : cells.value()) {
            if (cell.key.queryLang == kAllLanguages) continue;
            LanguageDiagnostics& language = byLanguage[cell.key.queryLang];
            language.language = cell.key.queryLang;
            if (measure == DiagnosticMeasure::UnkShare)
                language.unkShare = cell.value;
            else
                addTies(tiesOf(language, cell.key), cell);
        }
    }
    std::vector<LanguageDiagnostics> out;
    for (auto& [code, language] : byLanguage) out.push_back(std::move(language));
    return out;
}

}  // namespace mtrec::store
