#pragma once

#include <QGroupBox>

#include "experiment/training_config.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace mtrec::ui {

class FieldReader;
class ProblemMarks;

/// The "Tokenizer" group: train SentencePiece on the training texts (vocabulary size, model type,
/// character coverage) or load a model file; max length and the E5-style prefixes. SentencePiece
/// options without a field (max_sentences, byte_fallback, normalization) are kept as loaded.
class TokenizerSection : public QGroupBox {
    Q_OBJECT
public:
    TokenizerSection(ProblemMarks& marks, QWidget* parent = nullptr);

    void setTokenizer(const experiment::TokenizerConfig& tokenizer);
    void read(experiment::TokenizerConfig& tokenizer, FieldReader& reader) const;

Q_SIGNALS:
    void changed();

private:
    void buildTrain(ProblemMarks& marks);
    void buildEncoding(ProblemMarks& marks);
    void updateEnabled();

    experiment::TokenizerConfig loaded_;
    QRadioButton* train_ = nullptr;
    QRadioButton* load_ = nullptr;
    QSpinBox* vocabSize_ = nullptr;
    QComboBox* modelType_ = nullptr;
    QLineEdit* coverage_ = nullptr;
    QLineEdit* path_ = nullptr;
    QWidget* pathRow_ = nullptr;
    QSpinBox* maxLength_ = nullptr;
    QCheckBox* prefixes_ = nullptr;
    QLineEdit* queryPrefix_ = nullptr;
    QLineEdit* passagePrefix_ = nullptr;
};

}  // namespace mtrec::ui
