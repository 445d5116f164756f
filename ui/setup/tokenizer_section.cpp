#include "tokenizer_section.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>

#include "experiment/config_choices.h"
#include "form_fields.h"
#include "problem_marks.h"

namespace mtrec::ui {

TokenizerSection::TokenizerSection(ProblemMarks& marks, QWidget* parent)
    : QGroupBox(tr("Tokenizer"), parent) {
    sectionForm(this);
    buildTrain(marks);
    buildEncoding(marks);
    updateEnabled();
}

void TokenizerSection::buildTrain(ProblemMarks& marks) {
    auto* form = static_cast<QFormLayout*>(layout());
    train_ = new QRadioButton(tr("Train SentencePiece on the training texts"), this);
    load_ = new QRadioButton(tr("Load a model file or Hugging Face folder"), this);
    auto* group = new QButtonGroup(this);
    group->addButton(train_);
    group->addButton(load_);
    train_->setChecked(true);
    form->addRow(marks.wrap(train_));
    marks.map("$.tokenizer", train_);

    const text::SentencePieceTrainOptions defaults;
    vocabSize_ = new QSpinBox(this);
    vocabSize_->setRange(0, 1000000);
    vocabSize_->setValue(defaults.vocabSize);
    vocabSize_->setToolTip(
        tr("SentencePiece vocabulary (special pieces included), trained on the "
           "training texts of all languages"));
    form->addRow(tr("Vocabulary size"), vocabSize_);
    modelType_ = new QComboBox(this);
    fillCombo(modelType_, experiment::tokenizerModelTypeChoices());
    form->addRow(tr("Model type"), modelType_);
    coverage_ = addMarkedEdit(
        form, marks,
        {tr("Character coverage"), "$.tokenizer.train", numberText(defaults.characterCoverage),
         tr("character coverage, in (0, 1]"), QStringLiteral("coverage")});

    path_ = new QLineEdit(this);
    path_->setToolTip(
        tr("a SentencePiece .model, or a Hugging Face folder "
           "(sentencepiece.bpe.model or vocab.txt)"));
    pathRow_ = pathRow(path_, true, this);
    form->addRow(load_);
    form->addRow(tr("Model file"), marks.wrap(pathRow_));
    marks.map("$.tokenizer.path", pathRow_);

    connect(train_, &QRadioButton::toggled, this, [this] {
        updateEnabled();
        Q_EMIT changed();
    });
    connect(vocabSize_, qOverload<int>(&QSpinBox::valueChanged), this, &TokenizerSection::changed);
    connect(modelType_, qOverload<int>(&QComboBox::activated), this, &TokenizerSection::changed);
    for (QLineEdit* edit : {coverage_, path_})
        connect(edit, &QLineEdit::textEdited, this, &TokenizerSection::changed);
}

void TokenizerSection::buildEncoding(ProblemMarks& marks) {
    auto* form = static_cast<QFormLayout*>(layout());
    const text::BatchEncodingOptions defaults;
    maxLength_ = new QSpinBox(this);
    maxLength_->setObjectName(QStringLiteral("maxLength"));
    maxLength_->setRange(0, 100000);
    maxLength_->setValue(static_cast<int>(defaults.maxLength));
    maxLength_->setToolTip(tr("tokens per text, special tokens included; at least 3"));
    form->addRow(tr("Max length"), marks.wrap(maxLength_));
    marks.map("$.tokenizer.max_length", maxLength_);

    prefixes_ = new QCheckBox(tr("Put prefixes before the texts (E5 style)"), this);
    prefixes_->setChecked(defaults.usePrefixes);
    form->addRow(QString(), prefixes_);
    queryPrefix_ = new QLineEdit(QString::fromStdString(defaults.queryPrefix), this);
    passagePrefix_ = new QLineEdit(QString::fromStdString(defaults.passagePrefix), this);
    form->addRow(tr("Query prefix"), queryPrefix_);
    form->addRow(tr("Passage prefix"), passagePrefix_);

    connect(maxLength_, qOverload<int>(&QSpinBox::valueChanged), this, &TokenizerSection::changed);
    connect(prefixes_, &QCheckBox::toggled, this, [this] {
        updateEnabled();
        Q_EMIT changed();
    });
    for (QLineEdit* edit : {queryPrefix_, passagePrefix_})
        connect(edit, &QLineEdit::textEdited, this, &TokenizerSection::changed);
}

void TokenizerSection::updateEnabled() {
    const bool training = train_->isChecked();
    vocabSize_->setEnabled(training);
    modelType_->setEnabled(training);
    coverage_->setEnabled(training);
    pathRow_->setEnabled(!training);
    queryPrefix_->setEnabled(prefixes_->isChecked());
    passagePrefix_->setEnabled(prefixes_->isChecked());
}

void TokenizerSection::setTokenizer(const experiment::TokenizerConfig& tokenizer) {
    const QSignalBlocker blockTrain(train_), blockVocab(vocabSize_), blockLength(maxLength_),
        blockPrefixes(prefixes_);
    loaded_ = tokenizer;
    const text::SentencePieceTrainOptions options =
        tokenizer.train.value_or(text::SentencePieceTrainOptions{});
    (tokenizer.train || tokenizer.path.empty() ? train_ : load_)->setChecked(true);
    vocabSize_->setValue(options.vocabSize);
    selectKey(modelType_, choiceOf(experiment::tokenizerModelTypeChoices(), options.modelType).key);
    coverage_->setText(textUnlessDefault(options.characterCoverage,
                                         text::SentencePieceTrainOptions{}.characterCoverage));
    path_->setText(QString::fromStdString(tokenizer.path));
    maxLength_->setValue(static_cast<int>(tokenizer.encoding.maxLength));
    prefixes_->setChecked(tokenizer.encoding.usePrefixes);
    queryPrefix_->setText(QString::fromStdString(tokenizer.encoding.queryPrefix));
    passagePrefix_->setText(QString::fromStdString(tokenizer.encoding.passagePrefix));
    updateEnabled();
}

void TokenizerSection::read(experiment::TokenizerConfig& tokenizer, FieldReader& reader) const {
    tokenizer = loaded_;
    if (train_->isChecked()) {
        text::SentencePieceTrainOptions options =
            loaded_.train.value_or(text::SentencePieceTrainOptions{});
        options.vocabSize = vocabSize_->value();
        options.modelType =
            *parseChoice(experiment::tokenizerModelTypeChoices(), selectedKey(modelType_));
        options.characterCoverage =
            reader.number(coverage_, "$.tokenizer.train.character_coverage",
                          text::SentencePieceTrainOptions{}.characterCoverage);
        tokenizer.train = options;
        tokenizer.path.clear();
    } else {
        tokenizer.train.reset();
        tokenizer.path = path_->text().trimmed().toStdString();
    }
    tokenizer.encoding.maxLength = static_cast<std::size_t>(maxLength_->value());
    tokenizer.encoding.usePrefixes = prefixes_->isChecked();
    tokenizer.encoding.queryPrefix = queryPrefix_->text().toStdString();
    tokenizer.encoding.passagePrefix = passagePrefix_->text().toStdString();
}

}  // namespace mtrec::ui
