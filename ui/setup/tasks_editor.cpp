#include "tasks_editor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "experiment/config_choices.h"
#include "form_fields.h"

namespace mtrec::ui {

TasksEditor::TasksEditor(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    table_ = new QTableWidget(0, 3, this);
    table_->setHorizontalHeaderLabels({tr("Task"), tr("Kind"), tr("Weight")});
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table_->verticalHeader()->hide();
    table_->setFixedHeight(table_->fontMetrics().lineSpacing() * 8);
    table_->setToolTip(
        tr("kind mono_qa, cross_qa or translation; weight > 0 multiplies the "
           "task's losses. Empty: mono_qa, cross_qa (+ translation when "
           "parallel sentences are given)"));
    layout->addWidget(table_);
    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add task"), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, [this] {
        addRow({"task" + std::to_string(table_->rowCount() + 1), train::TaskKind::MonoQa, 1.0});
        Q_EMIT changed();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = table_->currentRow();
        table_->removeRow(row >= 0 ? row : table_->rowCount() - 1);
        Q_EMIT changed();
    });
    connect(table_, &QTableWidget::cellChanged, this, [this] {
        if (!filling_) Q_EMIT changed();
    });
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
