#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <QList>
#include <QMetaType>
#include <QWidget>

#include "experiment/training_config.h"
#include "problem_marks.h"
#include "setup_check.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QScrollArea;
class QSpinBox;

namespace mtrec::ui {

class DataSection;
class EvaluationSection;
class ModelSection;
class OptimizerSection;
class StrategySection;
class TokenizerSection;

/// The Setup tab: ONE base training config plus the strategies to compare and the seeds, as a
/// scrolling column of group boxes (presets, run, data, tokenizer, model, strategies, optimizer,
/// evaluation), with the problems list and the Run button under it. Every edit rebuilds the
/// configs and checks them as `mtrec train` does (parse of the JSON it would save + validate, the
/// file and folder checks included; no data is read); each problem shows at the field its JSON
/// path names and in the list. Trains nothing: Run emits runRequested with one config per
/// (checked strategy × seed). GUI thread only.
class SetupForm : public QWidget {
    Q_OBJECT
public:
    /// `presetsDir` holds the preset configs (<repo>/resources/configs); relative paths in configs
    /// resolve against `baseDir`, by default the folder two levels above `presetsDir` (the
    /// repository root the presets' paths are written against).
    explicit SetupForm(const QString& presetsDir, const QString& baseDir = {},
                       QWidget* parent = nullptr);
    ~SetupForm() override;

    /// Fills every field from `config`: its strategy is the one checked, its seed the one seed
    /// ("Duplicate and change" of a stored run).
    void setConfig(const experiment::TrainingConfig& config);
    /// The base config with the first checked strategy and the first seed (its name as typed).
    experiment::TrainingConfig config() const;
    /// One config per (checked strategy × seed), strategies in strategyChoices() order, seeds as
    /// typed; names from runName(). Meaningful when canRun().
    QList<experiment::TrainingConfig> configs() const;
    bool canRun() const { return problems_.empty(); }
    const std::vector<FormProblem>& problems() const { return problems_; }

    /// Reads a config file as `mtrec train` does and fills the form; false (and `message` set)
    /// when it cannot be read. Problems the reader found (unknown keys, ...) also go to `message`.
    bool loadConfig(const QString& path, QString* message = nullptr);
    /// Writes config() as toJson does; false with `message` on a write error.
    bool saveConfig(const QString& path, QString* message = nullptr) const;
    /// Writes every run of configs() as <folder>/<name>.json.
    bool saveRuns(const QString& folder, QString* message = nullptr) const;
    /// The preset files' names ("demo-hybrid.json", ...), as the presets combo lists them.
    QStringList presetFiles() const;
    bool loadPreset(const QString& fileName, QString* message = nullptr);

    QString baseDir() const;
    void setBaseDir(const QString& baseDir);
    /// The message(s) shown under the field a problem at `path` (of `strategy`) shows at.
    QString messageAt(const std::string& path, const std::string& strategy = {}) const;
    /// The field a problem at `path` shows at (what clicking it in the list focuses), or null.
    QWidget* fieldFor(const std::string& path, const std::string& strategy = {}) const;
    QPushButton* runButton() const { return run_; }
    QListWidget* problemsList() const { return problemsList_; }
    DataSection* dataSection() const { return data_; }
    StrategySection* strategySection() const { return strategy_; }

Q_SIGNALS:
    void validityChanged(bool canRun);
    void runRequested(const QList<mtrec::experiment::TrainingConfig>& configs);

public Q_SLOTS:
    /// Rebuilds the configs from the fields and shows their problems (every edit calls it).
    void recheck();

private:
    QWidget* buildTop();
    QWidget* buildRunBox();
    QWidget* buildBottom();
    void connectSections();
    /// The base config (strategy and seed not yet set) and the problems of its fields.
    experiment::TrainingConfig readBase(std::vector<experiment::ConfigProblem>& problems) const;
    /// One unchecked run per checked strategy (seed: the first), the base and shared problems.
    std::vector<StrategyRun> readRuns(std::vector<experiment::ConfigProblem>& shared,
                                      experiment::TrainingConfig& base,
                                      std::vector<std::uint64_t>& seeds) const;
    void showProblems();
    void focusProblem(int row);
    void chooseAndLoad();
    void chooseAndSave();

    QString presetsDir_;
    std::filesystem::path baseDir_;
    ProblemMarks marks_;
    std::vector<FormProblem> problems_;
    bool valid_ = false;
    QScrollArea* scroll_ = nullptr;
    QComboBox* presets_ = nullptr;
    QLineEdit* name_ = nullptr;
    QLineEdit* seeds_ = nullptr;
    QSpinBox* threads_ = nullptr;
    QComboBox* precision_ = nullptr;
    DataSection* data_ = nullptr;
    TokenizerSection* tokenizer_ = nullptr;
    ModelSection* model_ = nullptr;
    StrategySection* strategy_ = nullptr;
    OptimizerSection* optimizer_ = nullptr;
    EvaluationSection* evaluation_ = nullptr;
    QLabel* problemsTitle_ = nullptr;
    QListWidget* problemsList_ = nullptr;
    QPushButton* run_ = nullptr;
};

}  // namespace mtrec::ui

Q_DECLARE_METATYPE(mtrec::experiment::TrainingConfig)
