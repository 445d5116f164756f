#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <QGroupBox>

#include "experiment/training_config.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTableWidget;

namespace mtrec::ui {

class FieldReader;
class ProblemMarks;

/// The "Data" group: the parallel QA folder, JSONL files, parallel-sentence files, the training
/// languages as a check-list of what the sources offer, answer unit, max groups and the validation
/// split. Explicit per-language QA files (parallel_qa.files) have no field: they are kept as
/// loaded.
class DataSection : public QGroupBox {
    Q_OBJECT
public:
    DataSection(ProblemMarks& marks, QWidget* parent = nullptr);

    /// Relative paths resolve against it (to list the languages a folder offers).
    void setBaseDir(const std::filesystem::path& baseDir);
    void setData(const experiment::DataConfig& data);
    void read(experiment::DataConfig& data, FieldReader& reader) const;
    /// The check-list's languages, in list order (tests).
    QStringList listedLanguages() const;
    void setLanguageChecked(const QString& language, bool checked);

Q_SIGNALS:
    void changed();

private:
    void buildSources(ProblemMarks& marks);
    void buildSentences(ProblemMarks& marks);
    void buildLanguages(ProblemMarks& marks);
    void buildSplit(ProblemMarks& marks);
    /// Lists what the sources offer, keeping the checked languages (in their order) first.
    void refreshLanguages();
    std::vector<std::string> checkedLanguages() const;
    void setLanguageItems(const std::vector<std::string>& checked,
                          const std::vector<std::string>& offered);
    std::vector<data::ParallelTextFiles> sentenceFiles() const;
    void addSentenceRow(const data::ParallelTextFiles& files);

    std::filesystem::path baseDir_;
    experiment::DataConfig loaded_;  ///< keeps what has no field (parallel_qa.files)
    QLineEdit* qaFolder_ = nullptr;
    QPlainTextEdit* jsonl_ = nullptr;
    QTableWidget* sentences_ = nullptr;
    QCheckBox* allLanguages_ = nullptr;
    QListWidget* languages_ = nullptr;
    QComboBox* answerUnit_ = nullptr;
    QLineEdit* maxGroups_ = nullptr;
    QLineEdit* fraction_ = nullptr;
    QLineEdit* validationLanguages_ = nullptr;
    bool filling_ = false;  ///< set while setData fills the fields: no changed() then
};

}  // namespace mtrec::ui
