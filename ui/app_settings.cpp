#include "app_settings.h"

#include <QFileInfo>
#include <QSettings>

namespace mtrec::ui {
namespace {

const QString kRecentKey = QStringLiteral("databases/recent");
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kBaselinesKey = QStringLiteral("runs/pinnedBaselines");  // database path -> key

QString absolute(const QString& path) {
    return QFileInfo(path).absoluteFilePath();
}

}  // namespace

AppSettings::AppSettings() : settings_(std::make_unique<QSettings>()) {}

AppSettings::AppSettings(const QString& iniFile)
    : settings_(std::make_unique<QSettings>(iniFile, QSettings::IniFormat)) {}

AppSettings::~AppSettings() = default;

QStringList AppSettings::recentDatabases() const {
    return settings_->value(kRecentKey).toStringList();
}

void AppSettings::addRecentDatabase(const QString& path) {
    QStringList paths = recentDatabases();
    const QString entry = absolute(path);
    paths.removeAll(entry);
    paths.prepend(entry);
    while (paths.size() > kMaxRecent) paths.removeLast();
    writeRecent(paths);
}

void AppSettings::removeRecentDatabase(const QString& path) {
    QStringList paths = recentDatabases();
    paths.removeAll(absolute(path));
    writeRecent(paths);
}

QString AppSettings::lastExistingDatabase() const {
    for (const QString& path : recentDatabases())
        if (QFileInfo::exists(path)) return path;
    return {};
}

QString AppSettings::pinnedBaseline(const QString& path) const {
    return settings_->value(kBaselinesKey).toMap().value(absolute(path)).toString();
}

void AppSettings::setPinnedBaseline(const QString& path, const QString& key) {
    QVariantMap baselines = settings_->value(kBaselinesKey).toMap();
    if (key.isEmpty())
        baselines.remove(absolute(path));
    else
        baselines.insert(absolute(path), key);
    settings_->setValue(kBaselinesKey, baselines);
    settings_->sync();
}

QByteArray AppSettings::windowGeometry() const {
    return settings_->value(kGeometryKey).toByteArray();
}

QByteArray AppSettings::windowState() const {
    return settings_->value(kStateKey).toByteArray();
}

void AppSettings::saveWindow(const QByteArray& geometry, const QByteArray& state) {
    settings_->setValue(kGeometryKey, geometry);
    settings_->setValue(kStateKey, state);
    settings_->sync();
}

void AppSettings::writeRecent(const QStringList& paths) {
    settings_->setValue(kRecentKey, paths);
    settings_->sync();
}

}  // namespace mtrec::ui
