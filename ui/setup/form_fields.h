#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <QComboBox>
#include <QString>

#include "common/choice.h"
#include "experiment/training_config.h"

class QFormLayout;
class QLineEdit;
class QTableWidget;
class QWidget;

namespace mtrec::ui {

/// Reads typed values out of text fields and records a problem (at the field's JSON path, in the
/// CLI's wording) for text that is not a value; validate() then checks the values' ranges.
/// Borrows the problem list, which must outlive it.
class FieldReader {
public:
    explicit FieldReader(std::vector<experiment::ConfigProblem>& problems) : problems_(&problems) {}

    /// A number; empty text is `fallback` (the config default the field shows greyed).
    double number(const QString& text, const std::string& path, double fallback);
    double number(const QLineEdit* field, const std::string& path, double fallback);
    /// A non-negative integer; empty text is `fallback`.
    std::size_t count(const QLineEdit* field, const std::string& path, std::size_t fallback);
    /// A non-negative integer that must be given (empty is "missing (required)").
    std::optional<std::size_t> requiredCount(const QLineEdit* field, const std::string& path);
    void problem(const std::string& path, const std::string& message);

private:
    std::vector<experiment::ConfigProblem>* problems_;
};

/// The shortest text that reads back as exactly `value` ("0.0005", "3e-05").
QString numberText(double value);
/// `value` as text, or empty (so the placeholder shows the default) when it equals `fallback`.
QString textUnlessDefault(double value, double fallback);
QString textUnlessDefault(std::size_t value, std::size_t fallback);

/// "ar, de, en" and back; entries are trimmed, empty ones dropped.
QString joinLanguages(const std::vector<std::string>& languages);
std::vector<std::string> splitLanguages(const QString& text);

/// A combo box filled from a config_choices list: display names shown, keys as item data.
template <typename Value>
void fillCombo(QComboBox* combo, const Choices<Value>& choices) {
    combo->clear();
    for (const Choice<Value>& choice : choices)
        combo->addItem(QString::fromStdString(choice.displayName),
                       QString::fromStdString(choice.key));
}
void selectKey(QComboBox* combo, const std::string& key);
std::string selectedKey(const QComboBox* combo);

class ProblemMarks;

/// A form whose growing fields (line edits, paths, tables) fill the row and whose others (spin
/// boxes, combos) keep their natural width, as every section lays out its rows.
QFormLayout* sectionForm(QWidget* box);

/// A line edit for the value at `spec.path`, added to `form` as the row `spec.label`, with the
/// problems at that path (and below it) shown under it.
struct EditSpec {
    QString label;
    std::string path;
    QString placeholder;  ///< the default, greyed; what an empty field means
    QString tip;
    QString name;    ///< objectName, by which tests find the field
    int chars = 14;  ///< width in digits; 0: as wide as the form
};
QLineEdit* addMarkedEdit(QFormLayout* form, ProblemMarks& marks, const EditSpec& spec);

/// Keeps a field for a short value (a number, a few language codes) about `chars` digits wide
/// instead of stretching across the form.
void makeShort(QWidget* field, int chars = 14);

/// Lays `table` (its first two columns stretching, about six rows high) over "Add …" / "Remove"
/// buttons in `box`: Add calls `addRow`, Remove removes the current row (else the last); each,
/// and every cell edit while `filling` is false, then calls `changed`. `filling` must outlive
/// the table.
void editableTable(QWidget* box, QTableWidget* table, const QString& addText,
                   std::function<void()> addRow, std::function<void()> changed,
                   const bool& filling);

/// A line edit with a "Browse…" button that picks a folder (or a file when `pickFile`); the
/// returned row widget owns both. The picked path replaces the text and emits textEdited.
QWidget* pathRow(QLineEdit* edit, bool pickFile, QWidget* parent);

}  // namespace mtrec::ui
