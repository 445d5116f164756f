#include "model_section.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>

#include "experiment/config_choices.h"
#include "form_fields.h"
#include "problem_marks.h"

namespace mtrec::ui {

ModelSection::ModelSection(ProblemMarks& marks, QWidget* parent) : QGroupBox(tr("Model"), parent) {
    QFormLayout* form = sectionForm(this);
    scratch_ = new QRadioButton(tr("An encoder from scratch"), this);
    huggingFace_ = new QRadioButton(tr("A Hugging Face folder (XLM-R or BERT)"), this);
    auto* group = new QButtonGroup(this);
    group->addButton(scratch_);
    group->addButton(huggingFace_);
    scratch_->setChecked(true);
    form->addRow(scratch_);

    architecture_ = new QComboBox(this);
    fillCombo(architecture_, experiment::architectureChoices());
    architecture_->setToolTip(tr("how positions are numbered and where the LayerNorms sit"));
    form->addRow(tr("Architecture"), marks.wrap(architecture_));
    marks.map("$.model.architecture", architecture_);
    hiddenSize_ = addSize(tr("Hidden size"), tr("width of every layer"), marks);
    marks.map("$.model", hiddenSize_);
    layers_ = addSize(tr("Layers"), tr("transformer blocks"), marks);
    heads_ = addSize(tr("Heads"), tr("attention heads; must divide the hidden size"), marks);
    intermediate_ = addSize(tr("Intermediate size"), tr("feed-forward width"), marks);
    maxPositions_ = addSize(tr("Max positions"),
                            tr("position rows; at least the tokenizer's max length (+ pad id + 1 "
                               "for xlm-roberta)"),
                            marks);
    maxPositions_->setMinimum(0);
    maxPositions_->setSpecialValueText(tr("from the tokenizer"));
    marks.map("$.model.max_positions", maxPositions_);
    dropout_ = addMarkedEdit(
        form, marks,
        {tr("Dropout"), "$.model.dropout", numberText(model::EncoderConfig{}.dropout),
         tr("dropout on embeddings, attention output and feed-forward output, in [0, 1)"),
         QStringLiteral("dropout")});

    form->addRow(huggingFace_);
    hfFolder_ = new QLineEdit(this);
    hfFolder_->setToolTip(tr("config.json and model.safetensors"));
    hfRow_ = pathRow(hfFolder_, false, this);
    form->addRow(tr("Folder"), marks.wrap(hfRow_));
    marks.map("$.model.hf_folder", hfRow_);
    pooling_ = new QComboBox(this);
    fillCombo(pooling_, experiment::poolingChoices());
    form->addRow(tr("Pooling (either)"), pooling_);

    connect(scratch_, &QRadioButton::toggled, this, [this] {
        updateEnabled();
        Q_EMIT changed();
    });
    for (QComboBox* combo : {architecture_, pooling_})
        connect(combo, qOverload<int>(&QComboBox::activated), this, &ModelSection::changed);
    for (QLineEdit* edit : {dropout_, hfFolder_})
        connect(edit, &QLineEdit::textEdited, this, &ModelSection::changed);
    updateEnabled();
}

QSpinBox* ModelSection::addSize(const QString& label, const QString& tip, ProblemMarks& marks) {
    auto* spin = new QSpinBox(this);
    spin->setRange(0, 1 << 20);
    spin->setToolTip(tip);
    static_cast<QFormLayout*>(layout())->addRow(label, marks.wrap(spin));
    connect(spin, qOverload<int>(&QSpinBox::valueChanged), this, &ModelSection::changed);
    return spin;
}

void ModelSection::updateEnabled() {
    const bool scratch = scratch_->isChecked();
    for (QWidget* field : std::initializer_list<QWidget*>{
             architecture_, hiddenSize_, layers_, heads_, intermediate_, maxPositions_, dropout_})
        field->setEnabled(scratch);
    hfRow_->setEnabled(!scratch);
}

void ModelSection::setModel(const experiment::ModelConfig& model) {
    const QSignalBlocker b1(scratch_), b2(hiddenSize_), b3(layers_), b4(heads_), b5(intermediate_),
        b6(maxPositions_);
    loaded_ = model;
    const model::EncoderConfig& encoder = model.encoder;
    (model.hfFolder.empty() ? scratch_ : huggingFace_)->setChecked(true);
    selectKey(architecture_, choiceOf(experiment::architectureChoices(), encoder.architecture).key);
    hiddenSize_->setValue(static_cast<int>(encoder.hiddenSize));
    layers_->setValue(static_cast<int>(encoder.layers));
    heads_->setValue(static_cast<int>(encoder.heads));
    intermediate_->setValue(static_cast<int>(encoder.intermediateSize));
    maxPositions_->setValue(static_cast<int>(model.maxPositions.value_or(0)));
    dropout_->setText(textUnlessDefault(encoder.dropout, model::EncoderConfig{}.dropout));
    selectKey(pooling_, choiceOf(experiment::poolingChoices(), encoder.pooling).key);
    hfFolder_->setText(QString::fromStdString(model.hfFolder));
    updateEnabled();
}

void ModelSection::read(experiment::ModelConfig& model, FieldReader& reader) const {
    const model::Pooling pooling =
        *parseChoice(experiment::poolingChoices(), selectedKey(pooling_));
    if (huggingFace_->isChecked()) {
        model = experiment::ModelConfig{};
        model.hfFolder = hfFolder_->text().trimmed().toStdString();
        model.encoder.pooling = pooling;
        return;
    }
    model = loaded_;
    model.hfFolder.clear();
    model::EncoderConfig& encoder = model.encoder;
    encoder.architecture =
        *parseChoice(experiment::architectureChoices(), selectedKey(architecture_));
    encoder.hiddenSize = hiddenSize_->value();
    encoder.layers = layers_->value();
    encoder.heads = heads_->value();
    encoder.intermediateSize = intermediate_->value();
    encoder.dropout = reader.number(dropout_, "$.model.dropout", model::EncoderConfig{}.dropout);
    encoder.pooling = pooling;
    model.maxPositions.reset();
    if (maxPositions_->value() > 0) model.maxPositions = maxPositions_->value();
}

}  // namespace mtrec::ui
