#include "strategy_section.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include "experiment/config_choices.h"
#include "form_fields.h"
#include "problem_marks.h"
#include "tasks_editor.h"

namespace mtrec::ui {
namespace {

using train::StrategyName;

const char* kAlphaTip =
    "share of mono batches (hybrid) or of mono pairs per batch (mixed), in [0, 1]; \"size\" = "
    "|mono| / (|mono| + |cross|)";

QString alphaText(const std::optional<double>& alpha) {
    return alpha ? numberText(*alpha) : QStringLiteral("size");
}

std::optional<double> readAlpha(const QLineEdit* field, FieldReader& reader) {
    if (field->text().trimmed() == QLatin1String("size")) return std::nullopt;
    return reader.number(field, "$.strategy.alpha", 0.5);
}

/// The indented form of one strategy's options, made on first use.
QFormLayout* optionsForm(QWidget* box) {
    if (auto* existing = qobject_cast<QFormLayout*>(box->layout())) return existing;
    QFormLayout* form = sectionForm(box);
    form->setContentsMargins(24, 0, 0, 4);
    return form;
}

}  // namespace

StrategySection::StrategySection(ProblemMarks& marks, QWidget* parent)
    : QGroupBox(tr("Strategies to compare"), parent) {
    auto* layout = new QVBoxLayout(this);
    buildChoices(marks);
    buildShared(marks);
    (void)layout;
    updateVisible();
}

void StrategySection::buildChoices(ProblemMarks& marks) {
    auto* layout = static_cast<QVBoxLayout*>(this->layout());
    auto* boxes = new QWidget(this);
    auto* boxesLayout = new QVBoxLayout(boxes);
    boxesLayout->setContentsMargins(0, 0, 0, 0);
    for (const auto& choice : experiment::strategyChoices()) {
        auto* box = new QCheckBox(QString::fromStdString(choice.displayName), boxes);
        box->setObjectName(QString::fromStdString(choice.key));
        boxes_[choice.value] = box;
        boxesLayout->addWidget(box);
        auto* options = new QWidget(boxes);
        options_[choice.value] = options;
        boxesLayout->addWidget(options);
        connect(box, &QCheckBox::toggled, this, [this] {
            updateVisible();
            Q_EMIT changed();
        });
    }
    layout->addWidget(marks.wrap(boxes));
    marks.map("$.strategy", boxes);

    hybridAlpha_ = new QLineEdit(QStringLiteral("0.5"), this);
    hybridAlpha_->setObjectName(QStringLiteral("hybridAlpha"));
    mixedAlpha_ = new QLineEdit(QStringLiteral("0.5"), this);
    mixedAlpha_->setObjectName(QStringLiteral("mixedAlpha"));
    for (auto [name, edit] : {std::pair{StrategyName::Hybrid, hybridAlpha_},
                              std::pair{StrategyName::Mixed, mixedAlpha_}}) {
        edit->setToolTip(tr(kAlphaTip));
        makeShort(edit, 24);
        edit->setPlaceholderText(tr("a number in [0, 1] or \"size\""));
        optionsForm(options_[name])->addRow(tr("α"), marks.wrap(edit));
        marks.map("$.strategy.alpha", edit, choiceOf(experiment::strategyChoices(), name).key);
        connect(edit, &QLineEdit::textEdited, this, &StrategySection::changed);
    }
    mixedMonoOneLanguage_ = new QCheckBox(tr("One language for a batch's mono pairs"), this);
    mixedMonoOneLanguage_->setObjectName(QStringLiteral("mixedMonoOneLanguage"));
    mixedMonoOneLanguage_->setToolTip(
        tr("draw one language per batch for its monolingual pairs, as hybrid's mono batches "
           "are, so mixed differs from hybrid only in mixing both kinds in one batch"));
    optionsForm(options_[StrategyName::Mixed])->addRow(QString(), mixedMonoOneLanguage_);
    connect(mixedMonoOneLanguage_, &QCheckBox::toggled, this, &StrategySection::changed);
    buildMultitask(marks);
}

QWidget* StrategySection::buildMultitask(ProblemMarks& marks) {
    QWidget* box = options_[StrategyName::Multitask];
    QFormLayout* form = optionsForm(box);
    schedule_ = new QComboBox(box);
    fillCombo(schedule_, experiment::scheduleChoices());
    schedule_->setToolTip(
        tr("round_robin cycles the tasks in the listed order; proportional "
           "draws a task by its number of pairs; temperature by size^(1/T)"));
    form->addRow(tr("Schedule"), marks.wrap(schedule_));
    marks.map("$.strategy.schedule", schedule_);
    temperature_ =
        addMarkedEdit(form, marks,
                      {tr("Temperature"), "$.strategy.temperature", QStringLiteral("1"),
                       tr("T of the temperature schedule, > 0"), QStringLiteral("temperature")});
    tasks_ = new TasksEditor(box);
    form->addRow(tr("Tasks"), marks.wrap(tasks_));
    marks.map("$.strategy.tasks", tasks_);
    connect(schedule_, qOverload<int>(&QComboBox::activated), this, &StrategySection::changed);
    connect(temperature_, &QLineEdit::textEdited, this, &StrategySection::changed);
    connect(tasks_, &TasksEditor::changed, this, &StrategySection::changed);
    equalQaBudget_ = new QCheckBox(tr("Equal QA budget (translation steps extra)"), box);
    equalQaBudget_->setObjectName(QStringLiteral("equalQaBudget"));
    equalQaBudget_->setToolTip(
        tr("round robin only: the optimizer steps count the QA tasks' batches, so the QA tasks "
           "get as many steps as hybrid; the translation batches come on top"));
    form->addRow(QString(), marks.wrap(equalQaBudget_));
    marks.map("$.strategy.equal_qa_budget", equalQaBudget_);
    connect(equalQaBudget_, &QCheckBox::toggled, this, &StrategySection::changed);
    return box;
}

void StrategySection::buildShared(ProblemMarks& marks) {
    auto* shared = new QWidget(this);
    QFormLayout* form = sectionForm(shared);
    form->setContentsMargins(0, 8, 0, 0);
    form->addRow(new QLabel(tr("<b>Shared by every strategy</b>"), shared));
    batchSize_ = new QSpinBox(shared);
    batchSize_->setObjectName(QStringLiteral("batchSize"));
    batchSize_->setRange(0, 1 << 20);
    batchSize_->setValue(32);
    batchSize_->setToolTip(tr("pairs per batch (in-batch negatives need two)"));
    form->addRow(tr("Batch size"), marks.wrap(batchSize_));
    marks.map("$.strategy.batch_size", batchSize_);
    languageSampling_ = new QComboBox(shared);
    fillCombo(languageSampling_, experiment::languageSamplingChoices());
    languageSampling_->setToolTip(
        tr("how a batch's language (mono) or a pair's language pair "
           "(cross) is drawn: each equally, or by number of pairs"));
    form->addRow(tr("Language sampling"), languageSampling_);
    tau_ = addMarkedEdit(form, marks,
                         {tr("Tau"), "$.strategy.tau", QStringLiteral("0.05"),
                          tr("loss temperature: logits = cosine / tau"), QStringLiteral("tau")});
    crossPairPerBatch_ =
        new QCheckBox(tr("One language pair per batch (cross, hybrid, multitask)"), shared);
    hardNegatives_ = new QCheckBox(tr("Hard negatives as extra candidates"), shared);
    symmetric_ = new QCheckBox(tr("Symmetric loss (add passage → query)"), shared);
    for (QCheckBox* box : {crossPairPerBatch_, hardNegatives_, symmetric_}) {
        form->addRow(QString(), box);
        connect(box, &QCheckBox::toggled, this, &StrategySection::changed);
    }
    layout()->addWidget(shared);
    connect(batchSize_, qOverload<int>(&QSpinBox::valueChanged), this, &StrategySection::changed);
    connect(languageSampling_, qOverload<int>(&QComboBox::activated), this,
            &StrategySection::changed);
    connect(tau_, &QLineEdit::textEdited, this, &StrategySection::changed);
}

void StrategySection::updateVisible() {
    for (const auto& [name, box] : boxes_) options_[name]->setVisible(box->isChecked());
}

void StrategySection::setStrategy(const train::StrategySpec& spec) {
    const QSignalBlocker block(this);
    for (const auto& [name, box] : boxes_) box->setChecked(name == spec.name);
    if (spec.name == StrategyName::Hybrid) hybridAlpha_->setText(alphaText(spec.alpha));
    if (spec.name == StrategyName::Mixed) {
        mixedAlpha_->setText(alphaText(spec.alpha));
        mixedMonoOneLanguage_->setChecked(spec.monoOneLanguage);
    }
    if (spec.name == StrategyName::Multitask) {
        selectKey(schedule_, choiceOf(experiment::scheduleChoices(), spec.schedule).key);
        temperature_->setText(textUnlessDefault(spec.temperature, 1.0));
        tasks_->setTasks(spec.tasks);
        equalQaBudget_->setChecked(spec.equalQaBudget);
    }
    batchSize_->setValue(static_cast<int>(spec.batchSize));
    selectKey(languageSampling_,
              choiceOf(experiment::languageSamplingChoices(), spec.languageWeighting).key);
    tau_->setText(textUnlessDefault(spec.tau, train::StrategySpec{}.tau));
    crossPairPerBatch_->setChecked(spec.crossPairPerBatch);
    hardNegatives_->setChecked(spec.hardNegatives);
    symmetric_->setChecked(spec.symmetric);
    updateVisible();
}

std::vector<StrategyName> StrategySection::checked() const {
    std::vector<StrategyName> out;
    for (const auto& choice : experiment::strategyChoices())
        if (boxes_.at(choice.value)->isChecked()) out.push_back(choice.value);
    return out;
}

void StrategySection::setChecked(StrategyName name, bool on) {
    boxes_.at(name)->setChecked(on);
}

train::StrategySpec StrategySection::spec(StrategyName name, FieldReader& reader) const {
    train::StrategySpec spec;
    spec.name = name;
    spec.batchSize = static_cast<std::size_t>(batchSize_->value());
    spec.languageWeighting =
        *parseChoice(experiment::languageSamplingChoices(), selectedKey(languageSampling_));
    spec.tau = reader.number(tau_, "$.strategy.tau", spec.tau);
    spec.hardNegatives = hardNegatives_->isChecked();
    spec.symmetric = symmetric_->isChecked();
    if (name == StrategyName::Cross || name == StrategyName::Hybrid ||
        name == StrategyName::Multitask)
        spec.crossPairPerBatch = crossPairPerBatch_->isChecked();
    if (name == StrategyName::Hybrid) spec.alpha = readAlpha(hybridAlpha_, reader);
    if (name == StrategyName::Mixed) {
        spec.alpha = readAlpha(mixedAlpha_, reader);
        spec.monoOneLanguage = mixedMonoOneLanguage_->isChecked();
    }
    if (name == StrategyName::Multitask) {
        spec.schedule = *parseChoice(experiment::scheduleChoices(), selectedKey(schedule_));
        spec.temperature = reader.number(temperature_, "$.strategy.temperature", 1.0);
        spec.tasks = tasks_->tasks(reader);
        spec.equalQaBudget = equalQaBudget_->isChecked();
    }
    return spec;
}

}  // namespace mtrec::ui
