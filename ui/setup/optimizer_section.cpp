#include "optimizer_section.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>

#include "experiment/config_choices.h"
#include "form_fields.h"
#include "problem_marks.h"

namespace mtrec::ui {

OptimizerSection::OptimizerSection(ProblemMarks& marks, QWidget* parent)
    : QGroupBox(tr("Optimizer"), parent) {
    QFormLayout* form = sectionForm(this);
    const experiment::OptimizerConfig defaults;
    lr_ = addField(tr("Learning rate"), "$.optimizer.lr", numberText(defaults.lr),
                   tr("AdamW peak learning rate, > 0"), marks);
    weightDecay_ = addField(tr("Weight decay"), "$.optimizer.weight_decay",
                            numberText(defaults.weightDecay), tr("AdamW weight decay, ≥ 0"), marks);
    warmup_ = addField(tr("Warm-up steps"), "$.optimizer.warmup_steps", QStringLiteral("0"),
                       tr("linear warm-up, then linear decay to 0; at most steps"), marks);
    clipNorm_ = addField(tr("Clip norm"), "$.optimizer.clip_norm", numberText(defaults.clipNorm),
                         tr("gradient-norm clipping; 0 = off"), marks);

    lengthUnit_ = new QComboBox(this);
    lengthUnit_->addItem(tr("steps"), QStringLiteral("steps"));
    lengthUnit_->addItem(tr("epochs"), QStringLiteral("epochs"));
    length_ = new QLineEdit(this);
    length_->setObjectName(QStringLiteral("length"));
    length_->setPlaceholderText(tr("required"));
    const QString lengthTip =
        tr("length of training; steps: 0 evaluates the encoder as initialised (the untrained "
           "baseline); epochs ≥ 1");
    length_->setToolTip(lengthTip);
    lengthUnit_->setToolTip(lengthTip);
    auto* lengthRow = new QWidget(this);
    auto* lengthLayout = new QHBoxLayout(lengthRow);
    lengthLayout->setContentsMargins(0, 0, 0, 0);
    makeShort(length_);
    lengthLayout->addWidget(length_);
    lengthLayout->addWidget(lengthUnit_);
    lengthLayout->addStretch();
    form->addRow(tr("Train for"), marks.wrap(lengthRow));
    for (const char* path : {"$.optimizer", "$.optimizer.steps", "$.optimizer.epochs"})
        marks.map(path, lengthRow);
    connect(length_, &QLineEdit::textEdited, this, &OptimizerSection::changed);
    connect(lengthUnit_, qOverload<int>(&QComboBox::activated), this, &OptimizerSection::changed);

    evalEvery_ =
        addField(tr("Evaluate every"), "$.optimizer.eval_every", tr("0 (never)"),
                 tr("validation loss every N steps; needs a validation fraction > 0"), marks);
    patience_ = addField(
        tr("Early-stopping patience"), "$.optimizer.early_stopping_patience", tr("0 (off)"),
        tr("stop after N validations without improvement; needs eval every"), marks);
    selectBy_ = new QComboBox(this);
    selectBy_->setObjectName(QStringLiteral("selectBy"));
    fillCombo(selectBy_, experiment::selectionMeasureChoices());
    selectBy_->setToolTip(
        tr("which validated step is evaluated: the lowest validation loss, or the highest "
           "cross-lingual MRR of the held-out queries against the validation passages (the "
           "loss can stop falling while cross-lingual retrieval still improves)"));
    form->addRow(tr("Evaluate the step with"), marks.wrap(selectBy_));
    marks.map("$.optimizer.select_by", selectBy_);
    connect(selectBy_, qOverload<int>(&QComboBox::activated), this, &OptimizerSection::changed);
    checkpointEvery_ = addField(tr("Checkpoint every"), "$.optimizer.checkpoint_every",
                                tr("0 (at the end only)"), tr("checkpoint every N steps"), marks);
    keepCheckpoints_ =
        addField(tr("Keep checkpoints"), "$.optimizer.keep_checkpoints", tr("2"),
                 tr("the newest N step checkpoints stay on disk; more give a learning curve"),
                 marks);
}

QLineEdit* OptimizerSection::addField(const QString& label, const std::string& path,
                                      const QString& fallback, const QString& tip,
                                      ProblemMarks& marks) {
    const QString name = QString::fromStdString(path.substr(path.rfind('.') + 1));
    QLineEdit* edit =
        addMarkedEdit(static_cast<QFormLayout*>(layout()), marks,
                      {label, path, fallback, tip + tr(" (default %1)").arg(fallback), name, 20});
    connect(edit, &QLineEdit::textEdited, this, &OptimizerSection::changed);
    return edit;
}

void OptimizerSection::setOptimizer(const experiment::OptimizerConfig& optimizer) {
    const experiment::OptimizerConfig defaults;
    lr_->setText(textUnlessDefault(optimizer.lr, defaults.lr));
    weightDecay_->setText(textUnlessDefault(optimizer.weightDecay, defaults.weightDecay));
    warmup_->setText(textUnlessDefault(optimizer.warmupSteps, defaults.warmupSteps));
    clipNorm_->setText(textUnlessDefault(optimizer.clipNorm, defaults.clipNorm));
    lengthUnit_->setCurrentIndex(optimizer.epochs && !optimizer.steps ? 1 : 0);
    const std::optional<std::size_t> length = optimizer.steps ? optimizer.steps : optimizer.epochs;
    length_->setText(length ? QString::number(static_cast<qulonglong>(*length)) : QString());
    evalEvery_->setText(textUnlessDefault(optimizer.evalEvery, defaults.evalEvery));
    patience_->setText(
        textUnlessDefault(optimizer.earlyStoppingPatience, defaults.earlyStoppingPatience));
    selectKey(selectBy_, choiceOf(experiment::selectionMeasureChoices(), optimizer.selectBy).key);
    checkpointEvery_->setText(
        textUnlessDefault(optimizer.checkpointEvery, defaults.checkpointEvery));
    keepCheckpoints_->setText(
        textUnlessDefault(optimizer.keepCheckpoints, defaults.keepCheckpoints));
}

void OptimizerSection::read(experiment::OptimizerConfig& optimizer, FieldReader& reader) const {
    const experiment::OptimizerConfig defaults;
    optimizer.lr = reader.number(lr_, "$.optimizer.lr", defaults.lr);
    optimizer.weightDecay =
        reader.number(weightDecay_, "$.optimizer.weight_decay", defaults.weightDecay);
    optimizer.warmupSteps = reader.count(warmup_, "$.optimizer.warmup_steps", defaults.warmupSteps);
    optimizer.clipNorm = reader.number(clipNorm_, "$.optimizer.clip_norm", defaults.clipNorm);
    const bool steps = lengthUnit_->currentIndex() == 0;
    const std::optional<std::size_t> length =
        reader.requiredCount(length_, steps ? "$.optimizer.steps" : "$.optimizer.epochs");
    optimizer.steps = steps ? length : std::nullopt;
    optimizer.epochs = steps ? std::nullopt : length;
    optimizer.evalEvery = reader.count(evalEvery_, "$.optimizer.eval_every", defaults.evalEvery);
    optimizer.earlyStoppingPatience = reader.count(patience_, "$.optimizer.early_stopping_patience",
                                                   defaults.earlyStoppingPatience);
    optimizer.selectBy =
        *parseChoice(experiment::selectionMeasureChoices(), selectedKey(selectBy_));
    optimizer.checkpointEvery =
        reader.count(checkpointEvery_, "$.optimizer.checkpoint_every", defaults.checkpointEvery);
    optimizer.keepCheckpoints =
        reader.count(keepCheckpoints_, "$.optimizer.keep_checkpoints", defaults.keepCheckpoints);
}

}  // namespace mtrec::ui
