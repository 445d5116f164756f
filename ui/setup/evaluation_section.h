#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include <QGroupBox>

#include "experiment/training_config.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace mtrec::ui {

class FieldReader;
class ProblemMarks;

/// The "Evaluation suites" group: rows of (suite, data folder with a picker, languages) with Add
/// and Remove; under each row the languages the folder offers (suiteLanguages). Its rows come and
/// go, so it keeps its own ProblemMarks for the $.evaluation[i] paths, rebuilt with the rows.
class EvaluationSection : public QGroupBox {
    Q_OBJECT
public:
    explicit EvaluationSection(QWidget* parent = nullptr);
    ~EvaluationSection() override;

    /// Relative data folders resolve against it.
    void setBaseDir(const std::filesystem::path& baseDir);
    void setSuites(const std::vector<experiment::EvaluationSuiteConfig>& suites);
    std::vector<experiment::EvaluationSuiteConfig> suites() const;
    ProblemMarks& marks() { return *marks_; }
    void addSuite(const experiment::EvaluationSuiteConfig& suite);
    void removeSuite(int index);

Q_SIGNALS:
    void changed();

private:
    struct Row {
        QWidget* box;
        QComboBox* suite;
        QLineEdit* data;
        QLineEdit* languages;
        QLabel* found;
        QCheckBox* allowOverlap;  ///< the entry's allow_overlap
    };
    void updateFound(const Row& row) const;

    std::filesystem::path baseDir_;
    std::unique_ptr<ProblemMarks> marks_;
    std::vector<Row> rows_;
    QVBoxLayout* rowsLayout_ = nullptr;
};

}  // namespace mtrec::ui
