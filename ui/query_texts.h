#pragma once

#include <QHash>
#include <QString>
#include <map>
#include <string>
#include <tuple>

namespace mtrec::ui {

/// The query texts of evaluated suites, which the store does not keep: read from the suite's data
/// folder with the suite readers (experiment::loadSuites), once per folder, suite and language,
/// and kept for the next clicks (XQuAD-R's language file: tens of milliseconds). GUI thread.
class QueryTexts {
public:
    /// The texts of one language's queries by qid; when they cannot be read, empty with `problem`
    /// set to a line for the table, e.g. "(suite data not found at /data/xquad-r)".
    struct Texts {
        QHash<QString, QString> byQid;
        QString problem;
    };

    /// `folder` as the run's config records it (suiteDataFolder); `suite` as the store names it.
    const Texts& texts(const std::string& folder, const std::string& suite,
                       const std::string& language);

private:
    static Texts read(const std::string& folder, const std::string& suite,
                      const std::string& language);

    std::map<std::tuple<std::string, std::string, std::string>, Texts> cache_;
};

}  // namespace mtrec::ui
