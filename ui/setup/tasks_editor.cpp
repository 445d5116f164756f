#include "tasks_editor.h"

#include <QComboBox>
#include <QTableWidget>

#include "experiment/config_choices.h"
#include "form_fields.h"

namespace mtrec::ui {

TasksEditor::TasksEditor(QWidget* parent) : QWidget(parent) {
    table_ = new QTableWidget(0, 3, this);
    table_->setHorizontalHeaderLabels({tr("Task"), tr("Kind"), tr("Weight")});
    table_->setToolTip(
        tr("kind mono_qa, cross_qa or translation; weight > 0 multiplies the "
           "task's losses. Empty: mono_qa, cross_qa (+ translation when "
           "parallel sentences are given)"));
    editableTable(
        this, table_, tr("Add task"),
        [this] {
            addRow({"task" + std::to_string(table_->rowCount() + 1), train::TaskKind::MonoQa, 1.0});
        },
        [this] { Q_EMIT changed(); }, filling_);
}

void TasksEditor::setTasks(const std::vector<train::TaskSpec>& tasks) {
    table_->setRowCount(0);
    for (const train::TaskSpec& task : tasks) addRow(task);
}

void TasksEditor::addRow(const train::TaskSpec& task) {
    filling_ = true;
    const int row = table_->rowCount();
    table_->insertRow(row);
    table_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(task.name)));
    auto* kind = new QComboBox(table_);
    fillCombo(kind, experiment::taskKindChoices());
    selectKey(kind, choiceOf(experiment::taskKindChoices(), task.kind).key);
    connect(kind, qOverload<int>(&QComboBox::activated), this, &TasksEditor::changed);
    table_->setCellWidget(row, 1, kind);
    table_->setItem(row, 2, new QTableWidgetItem(numberText(task.weight)));
    filling_ = false;
}

std::vector<train::TaskSpec> TasksEditor::tasks(FieldReader& reader) const {
    std::vector<train::TaskSpec> out;
    for (int row = 0; row < table_->rowCount(); ++row) {
        train::TaskSpec task;
        const QTableWidgetItem* name = table_->item(row, 0);
        task.name = name ? name->text().trimmed().toStdString() : std::string();
        const auto* kind = static_cast<const QComboBox*>(table_->cellWidget(row, 1));
        task.kind = *parseChoice(experiment::taskKindChoices(), selectedKey(kind));
        const QTableWidgetItem* weight = table_->item(row, 2);
        task.weight = reader.number(weight ? weight->text() : QString(),
                                    "$.strategy.tasks[" + std::to_string(row) + "].weight", 1.0);
        out.push_back(task);
    }
    return out;
}

}  // namespace mtrec::ui
