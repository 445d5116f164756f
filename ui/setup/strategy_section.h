#pragma once

#include <map>
#include <vector>

#include <QGroupBox>

#include "train/strategy_spec.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace mtrec::ui {

class FieldReader;
class ProblemMarks;
class TasksEditor;

/// The "Strategies to compare" group: a check box per strategy (from strategyChoices()), each
/// showing its own options when checked (hybrid α, multitask schedule/temperature/tasks, mixed α),
/// and the options every strategy shares (batch size, language sampling, cross pair per batch, hard
/// negatives, symmetric loss, tau). spec() builds one strategy's StrategySpec with the options it
/// does not use at their defaults, as toJson requires.
class StrategySection : public QGroupBox {
    Q_OBJECT
public:
    StrategySection(ProblemMarks& marks, QWidget* parent = nullptr);

    /// Checks only `spec.name` and fills its options and the shared ones.
    void setStrategy(const train::StrategySpec& spec);
    /// The checked strategies, in strategyChoices() order.
    std::vector<train::StrategyName> checked() const;
    void setChecked(train::StrategyName name, bool on);
    /// `name`'s spec; text that is not a value is a problem (at its $.strategy path) in `reader`.
    train::StrategySpec spec(train::StrategyName name, FieldReader& reader) const;

Q_SIGNALS:
    void changed();

private:
    void buildShared(ProblemMarks& marks);
    void buildChoices(ProblemMarks& marks);
    QWidget* buildMultitask(ProblemMarks& marks);
    void updateVisible();

    std::map<train::StrategyName, QCheckBox*> boxes_;
    std::map<train::StrategyName, QWidget*> options_;  ///< shown while the box is checked
    QLineEdit* hybridAlpha_ = nullptr;
    QLineEdit* mixedAlpha_ = nullptr;
    QComboBox* schedule_ = nullptr;
    QLineEdit* temperature_ = nullptr;
    TasksEditor* tasks_ = nullptr;
    QSpinBox* batchSize_ = nullptr;
    QComboBox* languageSampling_ = nullptr;
    QCheckBox* crossPairPerBatch_ = nullptr;
    QCheckBox* mixedMonoOneLanguage_ = nullptr;
    QCheckBox* equalQaBudget_ = nullptr;
    QCheckBox* hardNegatives_ = nullptr;
    QCheckBox* symmetric_ = nullptr;
    QLineEdit* tau_ = nullptr;
};

}  // namespace mtrec::ui
