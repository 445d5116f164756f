#pragma once

#include <vector>

#include <QWidget>

#include "train/strategy_spec.h"

class QTableWidget;

namespace mtrec::ui {

class FieldReader;

/// The multitask tasks as a table (name, kind, weight) with Add and Remove. An empty table means
/// the default tasks (mono_qa, cross_qa, and translation with parallel sentences), as in the
/// config.
class TasksEditor : public QWidget {
    Q_OBJECT
public:
    explicit TasksEditor(QWidget* parent = nullptr);

    void setTasks(const std::vector<train::TaskSpec>& tasks);
    /// The rows as tasks; a weight that is not a number is a problem at $.strategy.tasks[i].weight.
    std::vector<train::TaskSpec> tasks(FieldReader& reader) const;

Q_SIGNALS:
    void changed();

private:
    void addRow(const train::TaskSpec& task);

    QTableWidget* table_ = nullptr;
    bool filling_ = false;
};

}  // namespace mtrec::ui
