#include "run_tags.h"

#include <QStringList>
#include <algorithm>
#include <iterator>

#include "store/run_repository.h"

namespace mtrec::ui {

QString tagsText(const std::vector<std::string>& tags) {
    QStringList out;
    for (const std::string& tag : tags) out.append(QString::fromStdString(tag));
    return out.join(QStringLiteral(", "));
}

std::vector<std::string> parseTags(const QString& text) {
    std::vector<std::string> tags;
    for (const QString& part : text.split(u',')) {
        // Spaces only: a tag's own newline or tab is part of it.
        qsizetype first = 0, last = part.size();
        while (first < last && part[first] == u' ') ++first;
        while (last > first && part[last - 1] == u' ') --last;
        if (last > first) tags.push_back(part.mid(first, last - first).toStdString());
    }
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    return tags;
}

Status writeTags(store::RunRepository& runs, std::int64_t runId,
                 const std::vector<std::string>& current, const std::vector<std::string>& wanted) {
    std::vector<std::string> removed, added;
    std::set_difference(current.begin(), current.end(), wanted.begin(), wanted.end(),
                        std::back_inserter(removed));
    std::set_difference(wanted.begin(), wanted.end(), current.begin(), current.end(),
                        std::back_inserter(added));
    for (const std::string& tag : removed)
        if (Status done = runs.removeTag(runId, tag); !done) return done;
    for (const std::string& tag : added)
        if (Status done = runs.addTag(runId, tag); !done) return done;
    return success();
}

}  // namespace mtrec::ui
