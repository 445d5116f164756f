// SetupForm's files: presets, loading and saving configs as `mtrec train` reads them.
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QSaveFile>

#include "data_section.h"
#include "evaluation_section.h"
#include "setup_form.h"

namespace mtrec::ui {
namespace {

bool writeConfig(const experiment::TrainingConfig& config, const QString& path, QString* message) {
    QSaveFile file(path);
    const std::string text = experiment::toJson(config).dump(2) + "\n";
    if (file.open(QIODevice::WriteOnly) &&
        file.write(text.data(), static_cast<qint64>(text.size())) ==
            static_cast<qint64>(text.size()) &&
        file.commit())
        return true;
    if (message) *message = QObject::tr("could not write %1: %2").arg(path, file.errorString());
    return false;
}

}  // namespace

QStringList SetupForm::presetFiles() const {
    return QDir(presetsDir_).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

bool SetupForm::loadPreset(const QString& fileName, QString* message) {
    return loadConfig(QDir(presetsDir_).filePath(fileName), message);
}

bool SetupForm::loadConfig(const QString& path, QString* message) {
    const Result<experiment::ParsedTrainingConfig> read =
        experiment::readTrainingConfig(path.toStdString());
    if (!read) {
        if (message) *message = QString::fromStdString(read.error().message);
        return false;
    }
    const experiment::ParsedTrainingConfig& parsed = read.value();
    setConfig(parsed.config);
    if (message)
        *message = parsed.problems.empty()
                       ? QString()
                       : tr("Read with problems (fields it could not fill keep defaults):\n%1")
                             .arg(QString::fromStdString(describeProblems(
                                 QFileInfo(path).fileName().toStdString(), parsed.problems)));
    return true;
}

bool SetupForm::saveConfig(const QString& path, QString* message) const {
    return writeConfig(config(), path, message);
}

bool SetupForm::saveRuns(const QString& folder, QString* message) const {
    for (const experiment::TrainingConfig& config : configs())
        if (!writeConfig(config,
                         QDir(folder).filePath(QString::fromStdString(config.name) +
                                               QStringLiteral(".json")),
                         message))
            return false;
    return true;
}

QString SetupForm::baseDir() const {
    return QString::fromStdString(baseDir_.string());
}

void SetupForm::setBaseDir(const QString& baseDir) {
    baseDir_ = baseDir.toStdString();
    data_->setBaseDir(baseDir_);
    evaluation_->setBaseDir(baseDir_);
    recheck();
}

void SetupForm::chooseAndLoad() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Load config"), presetsDir_,
                                                      tr("Training configs (*.json)"));
    if (path.isEmpty()) return;
    QString message;
    if (!loadConfig(path, &message) || !message.isEmpty())
        QMessageBox::warning(this, tr("Load config"), message);
}

void SetupForm::chooseAndSave() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save config"), QString::fromStdString(config().name) + QStringLiteral(".json"),
        tr("Training configs (*.json)"));
    QString message;
    if (!path.isEmpty() && !saveConfig(path, &message))
        QMessageBox::warning(this, tr("Save config"), message);
}

}  // namespace mtrec::ui
