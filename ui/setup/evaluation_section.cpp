#include "evaluation_section.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "data_languages.h"
#include "experiment/config_choices.h"
#include "experiment/suite_loader.h"
#include "form_fields.h"
#include "problem_marks.h"

namespace mtrec::ui {

EvaluationSection::EvaluationSection(QWidget* parent)
    : QGroupBox(tr("Evaluation suites"), parent), marks_(std::make_unique<ProblemMarks>()) {
    auto* layout = new QVBoxLayout(this);
    rowsLayout_ = new QVBoxLayout;
    layout->addLayout(rowsLayout_);
    auto* add = new QPushButton(tr("Add suite"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this] {
        addSuite({experiment::suiteChoices().front().value, {}, {}});
        Q_EMIT changed();
    });
}

EvaluationSection::~EvaluationSection() = default;

void EvaluationSection::setBaseDir(const std::filesystem::path& baseDir) {
    baseDir_ = baseDir;
    for (const Row& row : rows_) updateFound(row);
}

void EvaluationSection::setSuites(const std::vector<experiment::EvaluationSuiteConfig>& suites) {
    for (const Row& row : rows_) delete row.box;
    rows_.clear();
    marks_ = std::make_unique<ProblemMarks>();
    for (const experiment::EvaluationSuiteConfig& suite : suites) addSuite(suite);
}

std::vector<experiment::EvaluationSuiteConfig> EvaluationSection::suites() const {
    std::vector<experiment::EvaluationSuiteConfig> out;
    for (const Row& row : rows_)
        out.push_back({selectedKey(row.suite), row.data->text().trimmed().toStdString(),
                       splitLanguages(row.languages->text()), row.allowOverlap->isChecked()});
    return out;
}

void EvaluationSection::addSuite(const experiment::EvaluationSuiteConfig& suite) {
    const int index = static_cast<int>(rows_.size());
    const std::string at = "$.evaluation[" + std::to_string(index) + "]";
    Row row{new QWidget(this), nullptr, nullptr, nullptr, nullptr, nullptr};
    auto* grid = new QGridLayout(row.box);
    grid->setContentsMargins(0, 0, 0, 6);
    row.suite = new QComboBox(row.box);
    fillCombo(row.suite, experiment::suiteChoices());
    selectKey(row.suite, suite.suite);
    row.data = new QLineEdit(QString::fromStdString(suite.data), row.box);
    row.data->setObjectName(QStringLiteral("evaluationData%1").arg(index));
    row.data->setPlaceholderText(tr("the suite's folder"));
    QWidget* dataRow = pathRow(row.data, false, row.box);
    row.languages = new QLineEdit(joinLanguages(suite.languages), row.box);
    row.languages->setPlaceholderText(tr("all found"));
    row.languages->setToolTip(tr("languages to evaluate, e.g. \"en, de\"; empty: all found"));
    auto* remove = new QPushButton(tr("Remove"), row.box);
    row.found = new QLabel(row.box);
    row.found->setStyleSheet(QStringLiteral("color: palette(mid);"));
    grid->addWidget(marks_->wrap(row.suite), 0, 0, Qt::AlignTop);
    grid->addWidget(marks_->wrap(dataRow), 0, 1, Qt::AlignTop);
    grid->addWidget(marks_->wrap(row.languages), 0, 2, Qt::AlignTop);
    grid->addWidget(remove, 0, 3, Qt::AlignTop);
    row.allowOverlap = new QCheckBox(tr("Allow overlap with the training data"), row.box);
    row.allowOverlap->setObjectName(QStringLiteral("evaluationAllowOverlap%1").arg(index));
    row.allowOverlap->setChecked(suite.allowOverlap);
    row.allowOverlap->setToolTip(
        tr("Queueing refuses a suite that shares question ids or passages with the training or "
           "validation data; checked, the run evaluates it anyway and is marked contaminated"));
    grid->addWidget(row.found, 1, 0, 1, 3);
    grid->addWidget(row.allowOverlap, 1, 3);
    grid->setColumnStretch(1, 3);
    grid->setColumnStretch(2, 1);
    marks_->map(at, dataRow);
    marks_->map(at + ".suite", row.suite);
    marks_->map(at + ".languages", row.languages);
    rowsLayout_->addWidget(row.box);
    rows_.push_back(row);
    updateFound(row);

    auto refresh = [this, box = row.box] {
        for (const Row& each : rows_)
            if (each.box == box) updateFound(each);
        Q_EMIT changed();
    };
    connect(row.suite, qOverload<int>(&QComboBox::activated), this, refresh);
    connect(row.data, &QLineEdit::textEdited, this, refresh);
    connect(row.languages, &QLineEdit::textEdited, this, &EvaluationSection::changed);
    connect(row.allowOverlap, &QCheckBox::toggled, this, &EvaluationSection::changed);
    connect(remove, &QPushButton::clicked, this, [this, box = row.box] {
        for (std::size_t i = 0; i < rows_.size(); ++i)
            if (rows_[i].box == box) removeSuite(static_cast<int>(i));
    });
}

void EvaluationSection::removeSuite(int index) {
    std::vector<experiment::EvaluationSuiteConfig> kept = suites();
    if (index < 0 || index >= static_cast<int>(kept.size())) return;
    kept.erase(kept.begin() + index);
    // Deleting the row whose button was clicked from its own signal: rebuild after it returns.
    QMetaObject::invokeMethod(
        this,
        [this, kept] {
            setSuites(kept);
            Q_EMIT changed();
        },
        Qt::QueuedConnection);
}

void EvaluationSection::updateFound(const Row& row) const {
    const std::string folder = row.data->text().trimmed().toStdString();
    if (folder.empty()) {
        row.found->clear();
        return;
    }
    const auto languages =
        experiment::suiteLanguages(selectedKey(row.suite), resolvePath(folder, baseDir_).string());
    if (!languages)
        row.found->setText(QString::fromStdString(languages.error().message));
    else if (languages.value().empty())
        row.found->setText(tr("No languages found there"));
    else
        row.found->setText(tr("Languages found: %1").arg(joinLanguages(languages.value())));
}

}  // namespace mtrec::ui
