#include "setup_form.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include "data_section.h"
#include "evaluation_section.h"
#include "experiment/config_choices.h"
#include "form_fields.h"
#include "model_section.h"
#include "optimizer_section.h"
#include "strategy_section.h"
#include "tokenizer_section.h"

namespace mtrec::ui {

namespace {

/// The widget keyboard focus goes to for `field`: itself, or its first focusable child.
QWidget* focusTarget(QWidget* field) {
    if (field->focusPolicy() != Qt::NoFocus) return field;
    for (QWidget* child : field->findChildren<QWidget*>())
        if (child->focusPolicy() != Qt::NoFocus && child->isEnabled()) return child;
    return field;
}

}  // namespace

SetupForm::SetupForm(const QString& presetsDir, const QString& baseDir, QWidget* parent)
    : QWidget(parent), presetsDir_(presetsDir) {
    qRegisterMetaType<QList<experiment::TrainingConfig>>();
    baseDir_ = QDir::cleanPath(baseDir.isEmpty()
                                   ? QDir(presetsDir).absoluteFilePath(QStringLiteral("../.."))
                                   : baseDir)
                   .toStdString();
    // A red frame on the text fields that have a problem (a styled spin box or combo loses its
    // native arrows, so those get only the red message under them).
    setStyleSheet(
        QStringLiteral("QLineEdit[problem=\"true\"], QPlainTextEdit[problem=\"true\"] "
                       "{ border: 1px solid #c62828; }"));

    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->addWidget(buildTop());
    column->addWidget(buildRunBox());
    column->addWidget(data_ = new DataSection(marks_, content));
    column->addWidget(tokenizer_ = new TokenizerSection(marks_, content));
    column->addWidget(model_ = new ModelSection(marks_, content));
    column->addWidget(strategy_ = new StrategySection(marks_, content));
    column->addWidget(optimizer_ = new OptimizerSection(marks_, content));
    column->addWidget(evaluation_ = new EvaluationSection(content));
    column->addStretch();
    scroll_ = new QScrollArea(this);
    scroll_->setWidgetResizable(true);
    scroll_->setWidget(content);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll_, 1);
    layout->addWidget(buildBottom());
    data_->setBaseDir(baseDir_);
    evaluation_->setBaseDir(baseDir_);
    connectSections();
    setConfig(experiment::TrainingConfig{});
}

SetupForm::~SetupForm() = default;

QWidget* SetupForm::buildTop() {
    auto* top = new QWidget;
    auto* row = new QHBoxLayout(top);
    row->setContentsMargins(0, 0, 0, 0);
    presets_ = new QComboBox(top);
    presets_->addItem(tr("Choose a preset…"));
    for (const QString& file : presetFiles()) presets_->addItem(QFileInfo(file).baseName(), file);
    presets_->setToolTip(tr("Fill the form from a config in %1").arg(presetsDir_));
    auto* load = new QPushButton(tr("Load config…"), top);
    auto* save = new QPushButton(tr("Save config…"), top);
    auto* saveRuns = new QPushButton(tr("Save one file per run…"), top);
    row->addWidget(new QLabel(tr("Preset:"), top));
    row->addWidget(presets_, 1);
    row->addWidget(load);
    row->addWidget(save);
    row->addWidget(saveRuns);
    connect(presets_, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        if (index <= 0) return;
        QString message;
        if (!loadPreset(presets_->itemData(index).toString(), &message) || !message.isEmpty())
            QMessageBox::warning(this, tr("Preset"), message);
    });
    connect(load, &QPushButton::clicked, this, &SetupForm::chooseAndLoad);
    connect(save, &QPushButton::clicked, this, &SetupForm::chooseAndSave);
    connect(saveRuns, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Save the runs into"));
        QString message;
        if (!folder.isEmpty() && !this->saveRuns(folder, &message))
            QMessageBox::warning(this, tr("Save"), message);
    });
    return top;
}

QWidget* SetupForm::buildRunBox() {
    auto* box = new QGroupBox(tr("Run"));
    QFormLayout* form = sectionForm(box);
    name_ = new QLineEdit(box);
    name_->setObjectName(QStringLiteral("name"));
    name_->setToolTip(tr("the run's name (non-empty)"));
    form->addRow(tr("Name"), marks_.wrap(name_));
    marks_.map("$.name", name_);
    seeds_ = new QLineEdit(box);
    seeds_->setObjectName(QStringLiteral("seeds"));
    makeShort(seeds_, 30);
    seeds_->setPlaceholderText(tr("e.g. 13, 14, 15"));
    seeds_->setToolTip(
        tr("one run per seed and strategy; a seed seeds everything: group "
           "sampling, validation split, sampler, init, dropout, SentencePiece"));
    form->addRow(tr("Seeds"), marks_.wrap(seeds_));
    marks_.map("$.seed", seeds_);
    threads_ = new QSpinBox(box);
    threads_->setRange(0, 1024);
    threads_->setSpecialValueText(tr("all cores"));
    threads_->setToolTip(tr("compute threads; 0 = the machine's cores"));
    form->addRow(tr("Threads"), threads_);
    precision_ = new QComboBox(box);
    precision_->setObjectName(QStringLiteral("precision"));
    fillCombo(precision_, experiment::precisionChoices());
    precision_->setToolTip(
        tr("the Linear layers' GEMMs; bf16 rounds their inputs to bfloat16 (faster on CPUs with "
           "AVX512-BF16 or AMX, emulated and slower elsewhere)"));
    form->addRow(tr("Precision"), marks_.wrap(precision_));
    marks_.map("$.precision", precision_);
    marks_.map("$.version", name_);
    connect(name_, &QLineEdit::textEdited, this, &SetupForm::recheck);
    connect(seeds_, &QLineEdit::textEdited, this, &SetupForm::recheck);
    connect(threads_, qOverload<int>(&QSpinBox::valueChanged), this, &SetupForm::recheck);
    connect(precision_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &SetupForm::recheck);
    return box;
}

QWidget* SetupForm::buildBottom() {
    auto* bottom = new QWidget;
    auto* layout = new QVBoxLayout(bottom);
    layout->setContentsMargins(0, 0, 0, 0);
    problemsTitle_ = new QLabel(bottom);
    problemsList_ = new QListWidget(bottom);
    problemsList_->setMaximumHeight(problemsList_->fontMetrics().lineSpacing() * 5 + 8);
    problemsList_->setToolTip(tr("Click a problem to go to its field"));
    run_ = new QPushButton(bottom);
    run_->setDefault(true);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(run_);
    layout->addWidget(problemsTitle_);
    layout->addWidget(problemsList_);
    layout->addLayout(buttons);
    connect(problemsList_, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { focusProblem(problemsList_->row(item)); });
    connect(run_, &QPushButton::clicked, this, [this] {
        if (canRun()) Q_EMIT runRequested(configs());
    });
    return bottom;
}

void SetupForm::connectSections() {
    connect(data_, &DataSection::changed, this, &SetupForm::recheck);
    connect(tokenizer_, &TokenizerSection::changed, this, &SetupForm::recheck);
    connect(model_, &ModelSection::changed, this, &SetupForm::recheck);
    connect(strategy_, &StrategySection::changed, this, &SetupForm::recheck);
    connect(optimizer_, &OptimizerSection::changed, this, &SetupForm::recheck);
    connect(evaluation_, &EvaluationSection::changed, this, &SetupForm::recheck);
}

void SetupForm::setConfig(const experiment::TrainingConfig& config) {
    {
        const QSignalBlocker block(threads_);
        const QSignalBlocker blockPrecision(precision_);
        name_->setText(QString::fromStdString(config.name));
        seeds_->setText(QString::number(static_cast<qulonglong>(config.seed)));
        threads_->setValue(static_cast<int>(config.threads));
        selectKey(precision_, choiceOf(experiment::precisionChoices(), config.precision).key);
    }
    data_->setData(config.data);
    tokenizer_->setTokenizer(config.tokenizer);
    model_->setModel(config.model);
    strategy_->setStrategy(config.strategy);
    optimizer_->setOptimizer(config.optimizer);
    evaluation_->setSuites(config.evaluation);
    recheck();
}

experiment::TrainingConfig SetupForm::readBase(
    std::vector<experiment::ConfigProblem>& problems) const {
    FieldReader reader(problems);
    experiment::TrainingConfig base;
    base.name = name_->text().trimmed().toStdString();
    base.threads = static_cast<std::size_t>(threads_->value());
    base.precision = *parseChoice(experiment::precisionChoices(), selectedKey(precision_));
    data_->read(base.data, reader);
    tokenizer_->read(base.tokenizer, reader);
    model_->read(base.model, reader);
    optimizer_->read(base.optimizer, reader);
    base.evaluation = evaluation_->suites();
    return base;
}

std::vector<StrategyRun> SetupForm::readRuns(std::vector<experiment::ConfigProblem>& shared,
                                             experiment::TrainingConfig& base,
                                             std::vector<std::uint64_t>& seeds) const {
    base = readBase(shared);
    seeds = parseSeeds(seeds_->text(), shared);
    base.seed = seeds.empty() ? 0 : seeds.front();
    if (base.tokenizer.train) base.tokenizer.train->seed = static_cast<unsigned>(base.seed);
    std::vector<StrategyRun> runs;
    for (const train::StrategyName name : strategy_->checked()) {
        StrategyRun run{base, {}};
        FieldReader reader(run.fieldProblems);
        run.config.strategy = strategy_->spec(name, reader);
        runs.push_back(std::move(run));
    }
    return runs;
}

experiment::TrainingConfig SetupForm::config() const {
    std::vector<experiment::ConfigProblem> shared;
    experiment::TrainingConfig base;
    std::vector<std::uint64_t> seeds;
    const std::vector<StrategyRun> runs = readRuns(shared, base, seeds);
    return runs.empty() ? base : runs.front().config;
}

QList<experiment::TrainingConfig> SetupForm::configs() const {
    std::vector<experiment::ConfigProblem> shared;
    experiment::TrainingConfig base;
    std::vector<std::uint64_t> seeds;
    const std::vector<StrategyRun> runs = readRuns(shared, base, seeds);
    QList<experiment::TrainingConfig> out;
    for (const StrategyRun& run : runs)
        for (const std::uint64_t seed : seeds) {
            experiment::TrainingConfig config = run.config;
            config.seed = seed;
            if (config.tokenizer.train) config.tokenizer.train->seed = static_cast<unsigned>(seed);
            config.name = runName(base.name, train::strategyNameText(config.strategy.name), seed,
                                  runs.size(), seeds.size());
            out.push_back(std::move(config));
        }
    return out;
}

void SetupForm::recheck() {
    std::vector<experiment::ConfigProblem> shared;
    experiment::TrainingConfig base;
    std::vector<std::uint64_t> seeds;
    const std::vector<StrategyRun> runs = readRuns(shared, base, seeds);
    problems_ = checkRuns(runs, shared, base, baseDir_);
    run_->setText(runButtonText(runs.size(), seeds.size()));
    showProblems();
    if (canRun() != valid_) {
        valid_ = canRun();
        Q_EMIT validityChanged(valid_);
    }
    run_->setEnabled(valid_);
}

void SetupForm::showProblems() {
    marks_.show(problems_);
    evaluation_->marks().show(problems_);
    problemsList_->clear();
    for (const FormProblem& problem : problems_) problemsList_->addItem(problem.text());
    problemsList_->setVisible(!problems_.empty());
    problemsTitle_->setText(
        problems_.empty() ? tr("No problems found: ready to run.")
        : problems_.size() == 1
            ? tr("1 problem to fix before running (click it to go to its field):")
            : tr("%1 problems to fix before running (click one to go to its "
                 "field):")
                  .arg(problems_.size()));
}

QWidget* SetupForm::fieldFor(const std::string& path, const std::string& strategy) const {
    const FormProblem problem{path, {}, strategy};
    if (QWidget* field = evaluation_->marks().fieldFor(problem)) return field;
    return marks_.fieldFor(problem);
}

QString SetupForm::messageAt(const std::string& path, const std::string& strategy) const {
    QWidget* field = fieldFor(path, strategy);
    if (!field) return {};
    const QString atEvaluation = evaluation_->marks().messageAt(field);
    return atEvaluation.isEmpty() ? marks_.messageAt(field) : atEvaluation;
}

void SetupForm::focusProblem(int row) {
    if (row < 0 || row >= static_cast<int>(problems_.size())) return;
    QWidget* field = fieldFor(problems_[row].path, problems_[row].strategy);
    if (!field) return;
    scroll_->ensureWidgetVisible(field);
    focusTarget(field)->setFocus(Qt::OtherFocusReason);
}

}  // namespace mtrec::ui
