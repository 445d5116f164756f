#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>

class QSettings;

namespace mtrec::ui {

/// What the workbench remembers between sessions (QSettings): the databases opened most recently
/// (newest first, at most kMaxRecent, absolute paths), the main window's geometry and dock
/// layout, and the baseline pinned in each database's runs tree. The default constructor uses the application's settings; tests pass an INI file of their
/// own. Used on the GUI thread only.
class AppSettings {
public:
    static constexpr int kMaxRecent = 8;

    AppSettings();
    explicit AppSettings(const QString& iniFile);
    ~AppSettings();

    QStringList recentDatabases() const;
    /// Puts `path` (made absolute) first in the recent list, dropping older duplicates and the
    /// excess.
    void addRecentDatabase(const QString& path);
    void removeRecentDatabase(const QString& path);
    /// The most recent database that still exists, or an empty string.
    QString lastExistingDatabase() const;

    /// The runs tree's pinned baseline in the database at `path` ("run:12", "group:12"), or an
    /// empty string; an empty `key` forgets it.
    QString pinnedBaseline(const QString& path) const;
    void setPinnedBaseline(const QString& path, const QString& key);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void saveWindow(const QByteArray& geometry, const QByteArray& state);

private:
    void writeRecent(const QStringList& paths);

    std::unique_ptr<QSettings> settings_;
};

}  // namespace mtrec::ui
