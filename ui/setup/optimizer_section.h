#pragma once

#include <QGroupBox>

#include "experiment/training_config.h"

class QComboBox;
class QLineEdit;

namespace mtrec::ui {

class FieldReader;
class ProblemMarks;

/// The "Optimizer" group. Every field but the length shows the config default greyed (as its
/// placeholder) until changed; an empty field means the default. The length is steps or epochs
/// (exactly one; steps 0 evaluates the untrained encoder).
class OptimizerSection : public QGroupBox {
    Q_OBJECT
public:
    OptimizerSection(ProblemMarks& marks, QWidget* parent = nullptr);

    void setOptimizer(const experiment::OptimizerConfig& optimizer);
    void read(experiment::OptimizerConfig& optimizer, FieldReader& reader) const;

Q_SIGNALS:
    void changed();

private:
    QLineEdit* addField(const QString& label, const std::string& path, const QString& fallback,
                        const QString& tip, ProblemMarks& marks);

    QLineEdit* lr_ = nullptr;
    QLineEdit* weightDecay_ = nullptr;
    QLineEdit* warmup_ = nullptr;
    QLineEdit* clipNorm_ = nullptr;
    QComboBox* lengthUnit_ = nullptr;  ///< "steps" or "epochs"
    QLineEdit* length_ = nullptr;
    QLineEdit* evalEvery_ = nullptr;
    QLineEdit* patience_ = nullptr;
    QComboBox* selectBy_ = nullptr;  ///< $.optimizer.select_by
    QLineEdit* checkpointEvery_ = nullptr;
    QLineEdit* keepCheckpoints_ = nullptr;
};

}  // namespace mtrec::ui
