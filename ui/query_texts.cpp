#include "query_texts.h"

#include <QObject>
#include <filesystem>

#include "experiment/suite_loader.h"

namespace mtrec::ui {

const QueryTexts::Texts& QueryTexts::texts(const std::string& folder,
                                                     const std::string& suite,
                                                     const std::string& language) {
    const auto key = std::make_tuple(folder, suite, language);
    auto found = cache_.find(key);
    if (found == cache_.end()) found = cache_.emplace(key, read(folder, suite, language)).first;
    return found->second;
}

QueryTexts::Texts QueryTexts::read(const std::string& folder, const std::string& suite,
                                             const std::string& language) {
    Texts out;
    std::error_code ec;
    if (folder.empty() || !std::filesystem::is_directory(folder, ec)) {
        out.problem = folder.empty()
                          ? QObject::tr("(the run's config records no data folder for %1)")
                                .arg(QString::fromStdString(suite))
                          : QObject::tr("(suite data not found at %1)")
                                .arg(QString::fromStdString(folder));
        return out;
    }
    auto loaded = experiment::loadSuites({suite, folder, {language}});
    if (!loaded) {
        out.problem = QObject::tr("(suite data not read: %1)")
                          .arg(QString::fromStdString(loaded.error().message));
        return out;
    }
    for (const data::RetrievalSuite& read : loaded.value().suites) {
        if (read.name != suite) continue;
        const std::size_t index = read.languageIndex(language);
        if (index == read.languages.size()) continue;
        for (const data::Query& query : read.languages[index].queries)
            out.byQid.insert(QString::fromStdString(query.qid),
                             QString::fromStdString(query.text));
    }
    if (out.byQid.isEmpty())
        out.problem = QObject::tr("(no %1 queries found in %2)")
                          .arg(QString::fromStdString(language), QString::fromStdString(folder));
    return out;
}

}  // namespace mtrec::ui
