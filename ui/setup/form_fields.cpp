#include "form_fields.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStringList>
#include <QTableWidget>
#include <QVBoxLayout>

#include "problem_marks.h"

namespace mtrec::ui {

void FieldReader::problem(const std::string& path, const std::string& message) {
    problems_->push_back({path, message});
}

double FieldReader::number(const QLineEdit* field, const std::string& path, double fallback) {
    return number(field->text(), path, fallback);
}

double FieldReader::number(const QString& given, const std::string& path, double fallback) {
    const QString text = given.trimmed();
    if (text.isEmpty()) return fallback;
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (ok) return value;
    problem(path, "expected a number, found '" + text.toStdString() + "'");
    return fallback;
}

std::size_t FieldReader::count(const QLineEdit* field, const std::string& path,
                               std::size_t fallback) {
    const QString text = field->text().trimmed();
    if (text.isEmpty()) return fallback;
    bool ok = false;
    const qulonglong value = text.toULongLong(&ok);
    if (ok) return static_cast<std::size_t>(value);
    problem(path, "expected a non-negative integer, found '" + text.toStdString() + "'");
    return fallback;
}

std::optional<std::size_t> FieldReader::requiredCount(const QLineEdit* field,
                                                      const std::string& path) {
    if (field->text().trimmed().isEmpty()) {
        problem(path, "missing (required)");
        return std::nullopt;
    }
    const std::size_t before = problems_->size();
    const std::size_t value = count(field, path, 0);
    if (problems_->size() != before) return std::nullopt;
    return value;
}

QString numberText(double value) {
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString textUnlessDefault(double value, double fallback) {
    return value == fallback ? QString() : numberText(value);
}

QString textUnlessDefault(std::size_t value, std::size_t fallback) {
    return value == fallback ? QString() : QString::number(static_cast<qulonglong>(value));
}

QString joinLanguages(const std::vector<std::string>& languages) {
    QStringList parts;
    for (const std::string& language : languages) parts << QString::fromStdString(language);
    return parts.join(QStringLiteral(", "));
}

std::vector<std::string> splitLanguages(const QString& text) {
    std::vector<std::string> languages;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty()) languages.push_back(part.trimmed().toStdString());
    return languages;
}

void selectKey(QComboBox* combo, const std::string& key) {
    const int index = combo->findData(QString::fromStdString(key));
    if (index >= 0) combo->setCurrentIndex(index);
}

std::string selectedKey(const QComboBox* combo) {
    return combo->currentData().toString().toStdString();
}

QFormLayout* sectionForm(QWidget* box) {
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    return form;
}

QLineEdit* addMarkedEdit(QFormLayout* form, ProblemMarks& marks, const EditSpec& spec) {
    auto* edit = new QLineEdit(form->parentWidget());
    edit->setObjectName(spec.name);
    edit->setPlaceholderText(spec.placeholder);
    edit->setToolTip(spec.tip);
    if (spec.chars > 0) makeShort(edit, spec.chars);
    form->addRow(spec.label, marks.wrap(edit));
    marks.map(spec.path, edit);
    return edit;
}

void makeShort(QWidget* field, int chars) {
    field->setMaximumWidth(field->fontMetrics().horizontalAdvance(QLatin1Char('0')) * chars + 24);
}

void editableTable(QWidget* box, QTableWidget* table, const QString& addText,
                   std::function<void()> addRow, std::function<void()> changed,
                   const bool& filling) {
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table->verticalHeader()->hide();
    table->setFixedHeight(table->fontMetrics().lineSpacing() * 8);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table);
    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(addText, box);
    auto* remove = new QPushButton(QObject::tr("Remove"), box);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    QObject::connect(add, &QPushButton::clicked, table, [addRow, changed] {
        addRow();
        changed();
    });
    QObject::connect(remove, &QPushButton::clicked, table, [table, changed] {
        const int row = table->currentRow();
        table->removeRow(row >= 0 ? row : table->rowCount() - 1);
        changed();
    });
    QObject::connect(table, &QTableWidget::cellChanged, table, [changed, &filling] {
        if (!filling) changed();
    });
}

QWidget* pathRow(QLineEdit* edit, bool pickFile, QWidget* parent) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto* browse = new QPushButton(QObject::tr("Browse…"), row);
    layout->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, edit, [edit, pickFile] {
        const QString start = edit->text();
        const QString picked =
            pickFile
                ? QFileDialog::getOpenFileName(edit, QObject::tr("Choose a file"), start)
                : QFileDialog::getExistingDirectory(edit, QObject::tr("Choose a folder"), start);
        if (picked.isEmpty()) return;
        edit->setText(picked);
        Q_EMIT edit->textEdited(picked);
    });
    return row;
}

}  // namespace mtrec::ui
