#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>

class QSettings;

namespace mtrec::ui {

/// What the workbench remembers between sessions (QSettings): the databases opened most recently
/// (newest first, at most kMaxRecent, absolute paths) and the main window's geometry and dock
/// layout. The default constructor uses the application's settings; tests pass an INI file of their
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

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void saveWindow(const QByteArray& geometry, const QByteArray& state);

private:
    void writeRecent(const QStringList& paths);

    std::unique_ptr<QSettings> settings_;
};

}  // namespace mtrec::ui
