#pragma once

#include <QGroupBox>

#include "experiment/training_config.h"

class QComboBox;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace mtrec::ui {

class FieldReader;
class ProblemMarks;

/// The "Model" group: an encoder from scratch (architecture, sizes, pooling, dropout, position
/// rows) or a Hugging Face folder (only pooling applies then). Encoder options without a field
/// (attention dropout, activation, LayerNorm placement, token types, vocab_size, pad_id) are kept
/// as loaded.
class ModelSection : public QGroupBox {
    Q_OBJECT
public:
    ModelSection(ProblemMarks& marks, QWidget* parent = nullptr);

    void setModel(const experiment::ModelConfig& model);
    void read(experiment::ModelConfig& model, FieldReader& reader) const;

Q_SIGNALS:
    void changed();

private:
    QSpinBox* addSize(const QString& label, const QString& tip, ProblemMarks& marks);
    void updateEnabled();

    experiment::ModelConfig loaded_;
    QRadioButton* scratch_ = nullptr;
    QRadioButton* huggingFace_ = nullptr;
    QComboBox* architecture_ = nullptr;
    QSpinBox* hiddenSize_ = nullptr;
    QSpinBox* layers_ = nullptr;
    QSpinBox* heads_ = nullptr;
    QSpinBox* intermediate_ = nullptr;
    QSpinBox* maxPositions_ = nullptr;  ///< 0: from the tokenizer (the key left out)
    QLineEdit* dropout_ = nullptr;
    QComboBox* pooling_ = nullptr;
    QLineEdit* hfFolder_ = nullptr;
    QWidget* hfRow_ = nullptr;
};

}  // namespace mtrec::ui
