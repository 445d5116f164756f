// The Setup tab: presets round-trip through the form, each invalid input shows its message at its
// field and in the problems list and disables Run, and Run queues one config per strategy × seed.
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QFormLayout>
#include <QTest>

#include "experiment/training_config.h"
#include "setup/data_section.h"
#include "setup/evaluation_section.h"
#include "setup/setup_form.h"
#include "setup/strategy_section.h"

using mtrec::experiment::TrainingConfig;
using mtrec::train::StrategyName;
using mtrec::ui::SetupForm;

namespace {

const QString kPresets = QStringLiteral(MTREC_SOURCE_DIR "/resources/configs");
const QString kRepo = QStringLiteral(MTREC_SOURCE_DIR);

TrainingConfig readConfig(const QString& path) {
    const auto read = mtrec::experiment::readTrainingConfig(path.toStdString());
    if (!read) qFatal("cannot read %s", qPrintable(path));
    if (!read.value().problems.empty())
        qFatal("%s", mtrec::describeProblems(path.toStdString(), read.value().problems).c_str());
    return read.value().config;
}

/// Types `text` into the field named `name` as a user would (a spin box gets the number).
void edit(SetupForm& form, const QString& name, const QString& text) {
    if (auto* line = form.findChild<QLineEdit*>(name)) {
        line->setText(text);
        Q_EMIT line->textEdited(text);
    } else if (auto* spin = form.findChild<QSpinBox*>(name)) {
        spin->setValue(text.toInt());
    } else if (auto* plain = form.findChild<QPlainTextEdit*>(name)) {
        plain->setPlainText(text);
    } else {
        QFAIL(qPrintable(QStringLiteral("no field named ") + name));
    }
}

QString fieldText(SetupForm& form, const QString& name) {
    if (auto* line = form.findChild<QLineEdit*>(name)) return line->text();
    if (auto* spin = form.findChild<QSpinBox*>(name)) return QString::number(spin->value());
    if (auto* plain = form.findChild<QPlainTextEdit*>(name)) return plain->toPlainText();
    return {};
}

QStringList listed(const SetupForm& form) {
    QStringList out;
    for (int i = 0; i < form.problemsList()->count(); ++i)
        out << form.problemsList()->item(i)->text();
    return out;
}

bool hasDataset() {
    return QDir(kRepo + QStringLiteral("/../shared/datasets/mlqa")).exists();
}

}  // namespace

class SetupFormTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void presetsAreListed();
    void presetRoundTrips_data();
    void presetRoundTrips();
    void everyFieldRoundTrips_data();
    void everyFieldRoundTrips();
    void loadReportsTheReadersProblems();
    void savesOneFilePerRun();
    void invalidInputShowsAtItsField_data();
    void invalidInputShowsAtItsField();
    void trainingLanguagesComeFromTheFolder();
    void missingDataFolderIsShownAtThePicker();
    void runQueuesOneConfigPerStrategyAndSeed();
    void noStrategyCannotRun();
    void evaluationSuitesAreAddedAndRemoved();
    void clickingAProblemFocusesItsField();
    void anEditIsCheckedQuickly();
    void rendersAt1280x800();
    void eachStrategysOptionsShareOneForm();
};

void SetupFormTest::presetsAreListed() {
    SetupForm form(kPresets);
    const QStringList files = form.presetFiles();
    QCOMPARE(files.size(), QDir(kPresets).entryList({QStringLiteral("*.json")}).size());
    QVERIFY(files.contains(QStringLiteral("demo-hybrid.json")));
    QVERIFY(files.contains(QStringLiteral("mlqa-multitask.json")));
    QCOMPARE(form.baseDir(), QDir(kRepo).absolutePath());
}

void SetupFormTest::presetRoundTrips_data() {
    QTest::addColumn<QString>("file");
    for (const QString& file : QDir(kPresets).entryList({QStringLiteral("*.json")}))
        QTest::newRow(qPrintable(file)) << file;
}

void SetupFormTest::presetRoundTrips() {
    QFETCH(QString, file);
    const TrainingConfig expected = readConfig(kPresets + QLatin1Char('/') + file);
    SetupForm form(kPresets);
    QString message;
    QVERIFY2(form.loadPreset(file, &message), qPrintable(message));
    QVERIFY2(message.isEmpty(), qPrintable(message));
    QVERIFY(form.config() == expected);
    QCOMPARE(form.configs().size(), 1);
    QVERIFY(form.configs().front() == expected);

    QTemporaryDir dir;
    const QString saved = dir.filePath(QStringLiteral("saved.json"));
    QVERIFY(form.saveConfig(saved, &message));
    QVERIFY(readConfig(saved) == expected);

    // setConfig (what "Duplicate and change" calls) gives the same fields back.
    SetupForm other(kPresets);
    other.setConfig(expected);
    QVERIFY(other.config() == expected);

    // The bundled demo data is always there; the paper's data only where it is downloaded.
    if (file.startsWith(QLatin1String("demo-")) || hasDataset()) {
        QStringList problems;
        for (const auto& problem : form.problems()) problems << problem.text();
        QVERIFY2(form.canRun(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY(form.runButton()->isEnabled());
        QCOMPARE(form.runButton()->text(), QStringLiteral("Queue 1 run (1 strategy × 1 seed)"));
    }
}

void SetupFormTest::everyFieldRoundTrips_data() {
    QTest::addColumn<QString>("strategy");
    QTest::newRow("multitask") << "multitask";
    QTest::newRow("hybrid with alpha size") << "hybrid";
    QTest::newRow("mixed") << "mixed";
}

void SetupFormTest::everyFieldRoundTrips() {
    QFETCH(QString, strategy);
    // Every field away from its preset value and its default, and the options without a field.
    TrainingConfig config = readConfig(kPresets + QStringLiteral("/mlqa-multitask.json"));
    config.name = "every-field";
    config.seed = 99;
    config.threads = 4;
    config.data.parallelQaFiles = {{"en", "somewhere/en.json"}};
    config.data.answerUnit = mtrec::data::AnswerUnit::Paragraph;
    config.data.maxGroups = 50;
    config.data.jsonlFiles = {"a.jsonl", "b.jsonl"};
    config.data.validation = {0.2, {"en", "de"}};
    config.tokenizer.train->byteFallback = true;
    config.tokenizer.train->normalization = "identity";
    config.tokenizer.train->maxSentences = 1000;
    config.tokenizer.train->modelType = mtrec::text::SentencePieceModelType::Bpe;
    config.tokenizer.train->seed = 99;
    config.tokenizer.encoding = {96, {}, true, false, "q: ", "p: "};
    config.precision = mtrec::model::MatmulPrecision::Bf16;
    config.model.encoder.architecture = mtrec::model::Architecture::XlmRoberta;
    config.model.encoder.attentionDropout = 0.2;
    config.model.encoder.hiddenAct = "relu";
    config.model.maxPositions = 100;
    config.optimizer = {1e-4, 0.0, 5, 0.5, std::nullopt, 3, 10, 2, 7, 4};
    config.optimizer.selectBy = mtrec::train::SelectionMeasure::CrossMrr;
    config.evaluation.push_back({"mlqa-r", "elsewhere", {"ar", "zh"}});
    config.strategy.batchSize = 8;
    config.strategy.languageWeighting = mtrec::train::LanguageWeighting::Size;
    config.strategy.hardNegatives = true;
    config.strategy.symmetric = true;
    config.strategy.tau = 0.1;
    if (strategy == QLatin1String("multitask")) {
        config.strategy.schedule = mtrec::train::TaskSchedule::Temperature;
        config.strategy.temperature = 2.5;
        config.strategy.crossPairPerBatch = true;
        config.strategy.equalQaBudget = true;  // the form carries it; the check would object
        config.strategy.tasks = {{"qa", mtrec::train::TaskKind::MonoQa, 0.5},
                                 {"tr", mtrec::train::TaskKind::Translation, 2.0}};
    } else {
        config.strategy = mtrec::train::StrategySpec{};
        config.strategy.name =
            strategy == QLatin1String("hybrid") ? StrategyName::Hybrid : StrategyName::Mixed;
        config.strategy.batchSize = 8;
        config.strategy.alpha =
            strategy == QLatin1String("hybrid") ? std::nullopt : std::optional<double>(0.125);
        config.strategy.monoOneLanguage = strategy == QLatin1String("mixed");
    }
    SetupForm form(kPresets);
    form.setConfig(config);
    QVERIFY(form.config() == config);
    QTemporaryDir dir;
    QVERIFY(form.saveConfig(dir.filePath(QStringLiteral("c.json"))));
    QVERIFY(readConfig(dir.filePath(QStringLiteral("c.json"))) == config);

    // A Hugging Face model and a tokenizer file instead.
    config.model = {};
    config.model.hfFolder = "models/xlm-r";
    config.model.encoder.pooling = mtrec::model::Pooling::Cls;
    config.tokenizer.train.reset();
    config.tokenizer.path = "models/xlm-r";
    form.setConfig(config);
    QVERIFY(form.config() == config);
}

void SetupFormTest::loadReportsTheReadersProblems() {
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("typo.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    nlohmann::json json =
        mtrec::experiment::toJson(readConfig(kPresets + QStringLiteral("/demo-mono.json")));
    json["strategy"]["batch_szie"] = 4;
    file.write(QByteArray::fromStdString(json.dump()));
    file.close();
    SetupForm form(kPresets);
    QString message;
    QVERIFY(form.loadConfig(file.fileName(), &message));
    QVERIFY2(message.contains(QStringLiteral(
                 "typo.json: $.strategy.batch_szie: unknown key (did you mean 'batch_size'?)")),
             qPrintable(message));
    QCOMPARE(form.config().name, std::string("demo-mono"));
    QVERIFY(!form.loadConfig(dir.filePath(QStringLiteral("none.json")), &message));
    QVERIFY(!message.isEmpty());
}

void SetupFormTest::savesOneFilePerRun() {
    SetupForm form(kPresets);
    QVERIFY(form.loadPreset(QStringLiteral("demo-cross.json")));
    form.strategySection()->setChecked(StrategyName::Mono, true);
    edit(form, QStringLiteral("seeds"), QStringLiteral("1, 2"));
    QTemporaryDir dir;
    QVERIFY(form.saveRuns(dir.path()));
    const QStringList files = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files, (QStringList{QStringLiteral("demo-cross-cross-s1.json"),
                                 QStringLiteral("demo-cross-cross-s2.json"),
                                 QStringLiteral("demo-cross-mono-s1.json"),
                                 QStringLiteral("demo-cross-mono-s2.json")}));
    const TrainingConfig monoSeed2 = readConfig(dir.filePath(files[3]));
    QVERIFY(monoSeed2 == form.configs()[1]);
    QCOMPARE(monoSeed2.seed, std::uint64_t(2));
    QVERIFY(monoSeed2.strategy.name == StrategyName::Mono);
}

void SetupFormTest::invalidInputShowsAtItsField_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<QString>("message");
    QTest::newRow("alpha 1.5") << "hybridAlpha"
                               << "1.5"
                               << "$.strategy.alpha"
                               << "hybrid"
                               << "must be in [0, 1] (or \"size\"), found 1.500000";
    QTest::newRow("alpha not a number") << "hybridAlpha"
                                        << "half"
                                        << "$.strategy.alpha"
                                        << "hybrid"
                                        << "expected a number, found 'half'";
    QTest::newRow("batch size 0") << "batchSize"
                                  << "0"
                                  << "$.strategy.batch_size"
                                  << ""
                                  << "must be >= 2 (in-batch negatives), found 0";
    QTest::newRow("lr 0") << "lr"
                          << "0"
                          << "$.optimizer.lr"
                          << ""
                          << "must be > 0, found 0.000000";
    QTest::newRow("steps missing") << "length"
                                   << ""
                                   << "$.optimizer.steps"
                                   << ""
                                   << "missing (required)";
    QTest::newRow("warm-up over steps") << "warmup_steps"
                                        << "500"
                                        << "$.optimizer.warmup_steps"
                                        << ""
                                        << "is more than the steps (200)";
    QTest::newRow("seeds empty") << "seeds"
                                 << ""
                                 << "$.seed"
                                 << ""
                                 << "give at least one seed, e.g. 13, 14, 15";
    QTest::newRow("seeds 13, x") << "seeds"
                                 << "13, x"
                                 << "$.seed"
                                 << ""
                                 << "'x' is not a seed (a non-negative integer)";
    QTest::newRow("name empty") << "name"
                                << ""
                                << "$.name"
                                << ""
                                << "must not be empty";
    QTest::newRow("jsonl missing")
        << "jsonl"
        << "no/such/train.jsonl"
        << "$.data.jsonl[0]"
        << ""
        << QStringLiteral("file not found: ") + QDir(kRepo).absolutePath() +
               QStringLiteral("/no/such/train.jsonl");
    QTest::newRow("unknown validation language") << "validationLanguages"
                                                 << "xx"
                                                 << "$.data.validation.languages[0]"
                                                 << ""
                                                 << "'xx' is not a training language";
    QTest::newRow("validation fraction 1") << "fraction"
                                           << "1"
                                           << "$.data.validation.fraction"
                                           << ""
                                           << "must be in [0, 1), found 1.000000";
    QTest::newRow("max length 2") << "maxLength"
                                  << "2"
                                  << "$.tokenizer.max_length"
                                  << ""
                                  << "must be >= 3 (room for the special tokens)";
    QTest::newRow("evaluation folder missing")
        << "evaluationData0"
        << "no/such/folder"
        << "$.evaluation[0].data"
        << ""
        << QStringLiteral("folder not found: ") + QDir(kRepo).absolutePath() +
               QStringLiteral("/no/such/folder");
}

void SetupFormTest::invalidInputShowsAtItsField() {
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, path);
    QFETCH(QString, strategy);
    QFETCH(QString, message);
    SetupForm form(kPresets);
    QVERIFY(form.loadPreset(QStringLiteral("demo-hybrid.json")));
    QVERIFY(form.canRun());
    QSignalSpy validity(&form, &SetupForm::validityChanged);
    const QString good = fieldText(form, field);

    edit(form, field, text);
    QVERIFY(!form.canRun());
    QVERIFY(!form.runButton()->isEnabled());
    QCOMPARE(validity.count(), 1);
    QCOMPARE(validity.takeFirst().at(0).toBool(), false);
    QVERIFY2(form.messageAt(path.toStdString(), strategy.toStdString()).contains(message),
             qPrintable(form.messageAt(path.toStdString(), strategy.toStdString())));
    const QString line = path + QStringLiteral(": ") + message;
    const QStringList problems = listed(form);
    QVERIFY2(std::any_of(problems.begin(), problems.end(),
                         [&](const QString& item) { return item.startsWith(line); }),
             qPrintable(problems.join(QLatin1Char('\n'))));

    edit(form, field, good);
    QVERIFY2(form.canRun(), qPrintable(listed(form).join(QLatin1Char('\n'))));
    QVERIFY(form.runButton()->isEnabled());
    QCOMPARE(validity.count(), 1);
    QCOMPARE(validity.takeFirst().at(0).toBool(), true);
    QVERIFY(form.messageAt(path.toStdString(), strategy.toStdString()).isEmpty());
    QCOMPARE(form.problemsList()->count(), 0);
}

void SetupFormTest::trainingLanguagesComeFromTheFolder() {
    QTemporaryDir dir;
    for (const char* language : {"en", "de"}) {
        QFile file(dir.filePath(QStringLiteral("%1.json").arg(QLatin1String(language))));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"data": []})");
    }
    TrainingConfig config = readConfig(kPresets + QStringLiteral("/demo-hybrid.json"));
    config.data.jsonlFiles.clear();
    config.data.parallelQaFolder = dir.path().toStdString();
    config.data.languages = {"en", "xx", "de"};
    SetupForm form(kPresets);
    form.setConfig(config);
    QCOMPARE(form.dataSection()->listedLanguages(),
             (QStringList{QStringLiteral("en"), QStringLiteral("xx"), QStringLiteral("de")}));
    QVERIFY(!form.canRun());
    const QString message = QStringLiteral(
                                "no data for language 'xx': no "
                                "dev-context-xx-question-xx.json, xquad.xx.json or "
                                "xx.json in ") +
                            dir.path();
    QCOMPARE(form.messageAt("$.data.languages[1]"), message);
    QVERIFY(listed(form).contains(QStringLiteral("$.data.languages[1]: ") + message));

    form.dataSection()->setLanguageChecked(QStringLiteral("xx"), false);
    QVERIFY2(form.canRun(), qPrintable(listed(form).join(QLatin1Char('\n'))));
    QCOMPARE(form.config().data.languages, (std::vector<std::string>{"en", "de"}));
    QVERIFY(form.messageAt("$.data.languages").isEmpty());

    // No languages given: every language offered, listed checked; unticking "every" keeps them.
    config.data.languages.clear();
    form.setConfig(config);
    QCOMPARE(form.dataSection()->listedLanguages(),
             (QStringList{QStringLiteral("de"), QStringLiteral("en")}));
    QVERIFY(form.config().data.languages.empty());
    form.findChild<QCheckBox*>(QStringLiteral("allLanguages"))->setChecked(false);
    QCOMPARE(form.config().data.languages, (std::vector<std::string>{"de", "en"}));
    QVERIFY(form.canRun());
}

void SetupFormTest::missingDataFolderIsShownAtThePicker() {
    QTemporaryDir dir;
    TrainingConfig config = readConfig(kPresets + QStringLiteral("/demo-hybrid.json"));
    config.data.jsonlFiles.clear();
    config.data.parallelQaFolder = dir.filePath(QStringLiteral("missing")).toStdString();
    SetupForm form(kPresets);
    form.setConfig(config);
    QVERIFY(!form.canRun());
    QCOMPARE(form.messageAt("$.data.parallel_qa.folder"),
             QStringLiteral("folder not found: ") + dir.filePath(QStringLiteral("missing")));
    QVERIFY(form.fieldFor("$.data.parallel_qa.folder")
                ->findChild<QLineEdit*>(QStringLiteral("qaFolder")));

    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("missing")));
    QFile file(dir.filePath(QStringLiteral("missing/en.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    edit(form, QStringLiteral("qaFolder"), dir.filePath(QStringLiteral("missing")));
    QVERIFY(form.messageAt("$.data.parallel_qa.folder").isEmpty());
}

void SetupFormTest::runQueuesOneConfigPerStrategyAndSeed() {
    SetupForm form(kPresets);
    QVERIFY(form.loadPreset(QStringLiteral("demo-hybrid.json")));
    form.strategySection()->setChecked(StrategyName::Mono, true);
    form.strategySection()->setChecked(StrategyName::Mixed, true);
    edit(form, QStringLiteral("mixedAlpha"), QStringLiteral("0.25"));
    edit(form, QStringLiteral("seeds"), QStringLiteral("13, 14 15"));
    QVERIFY2(form.canRun(), qPrintable(listed(form).join(QLatin1Char('\n'))));
    QCOMPARE(form.runButton()->text(), QStringLiteral("Queue 9 runs (3 strategies × 3 seeds)"));

    QSignalSpy run(&form, &SetupForm::runRequested);
    QTest::mouseClick(form.runButton(), Qt::LeftButton);
    QCOMPARE(run.count(), 1);
    const auto configs = run.takeFirst().at(0).value<QList<TrainingConfig>>();
    QCOMPARE(configs.size(), 9);
    const StrategyName strategies[] = {StrategyName::Mono, StrategyName::Hybrid,
                                       StrategyName::Mixed};
    const std::uint64_t seeds[] = {13, 14, 15};
    const char* names[] = {"mono", "hybrid", "mixed"};
    for (int i = 0; i < 9; ++i) {
        const TrainingConfig& config = configs[i];
        QVERIFY(config.strategy.name == strategies[i / 3]);
        QCOMPARE(config.seed, seeds[i % 3]);
        QCOMPARE(config.tokenizer.train->seed, static_cast<unsigned>(seeds[i % 3]));
        QCOMPARE(config.name,
                 "demo-hybrid-" + std::string(names[i / 3]) + "-s" + std::to_string(seeds[i % 3]));
        QCOMPARE(config.optimizer.steps, std::optional<std::size_t>(200));
        // What Run queues is what `mtrec train` reads back, unchanged and without a problem.
        const auto parsed =
            mtrec::experiment::parseTrainingConfig(mtrec::experiment::toJson(config));
        QVERIFY(parsed.problems.empty());
        QVERIFY(parsed.config == config);
    }
    QCOMPARE(configs[3].strategy.alpha, std::optional<double>(0.5));
    QCOMPARE(configs[6].strategy.alpha, std::optional<double>(0.25));
    QVERIFY(configs == form.configs());

    edit(form, QStringLiteral("seeds"), QStringLiteral("7"));
    form.strategySection()->setChecked(StrategyName::Mono, false);
    QCOMPARE(form.runButton()->text(), QStringLiteral("Queue 2 runs (2 strategies × 1 seed)"));
    QCOMPARE(form.configs().front().name, std::string("demo-hybrid-hybrid"));
}

void SetupFormTest::noStrategyCannotRun() {
    SetupForm form(kPresets);
    QVERIFY(form.loadPreset(QStringLiteral("demo-mono.json")));
    form.strategySection()->setChecked(StrategyName::Mono, false);
    QVERIFY(!form.canRun());
    QCOMPARE(form.messageAt("$.strategy"),
             QStringLiteral("check at least one strategy to compare"));
    QCOMPARE(form.runButton()->text(), QStringLiteral("Queue 0 runs (0 strategies × 1 seed)"));
    form.strategySection()->setChecked(StrategyName::Cross, true);
    QVERIFY(form.canRun());
}

void SetupFormTest::evaluationSuitesAreAddedAndRemoved() {
    SetupForm form(kPresets);
    QVERIFY(form.loadPreset(QStringLiteral("demo-hybrid.json")));
    QPushButton* add = nullptr;
    for (QPushButton* button : form.findChildren<QPushButton*>())
        if (button->text() == QLatin1String("Add suite")) add = button;
    QVERIFY(add);
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(form.config().evaluation.size(), std::size_t(2));
    QVERIFY(!form.canRun());
    QCOMPARE(form.messageAt("$.evaluation[1].data"), QStringLiteral("must not be empty"));
    QVERIFY(form.messageAt("$.evaluation[0].data").isEmpty());

    edit(form, QStringLiteral("evaluationData1"), QStringLiteral("resources/demo/eval"));
    QVERIFY(form.canRun());
    QCOMPARE(form.config().evaluation[1].data, std::string("resources/demo/eval"));

    // Remove the first row: the second becomes $.evaluation[0] and keeps its folder.
    auto* section = form.findChild<mtrec::ui::EvaluationSection*>();
    section->removeSuite(0);
    QTRY_COMPARE(form.config().evaluation.size(), std::size_t(1));
    edit(form, QStringLiteral("evaluationData0"), QStringLiteral("no/such"));
    QVERIFY(form.messageAt("$.evaluation[0].data").startsWith(QLatin1String("folder not found")));
}

void SetupFormTest::clickingAProblemFocusesItsField() {
    SetupForm form(kPresets);
    form.resize(1280, 800);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    QVERIFY(form.loadPreset(QStringLiteral("demo-hybrid.json")));
    edit(form, QStringLiteral("lr"), QStringLiteral("-1"));
    QCOMPARE(form.problemsList()->count(), 1);
    QListWidget* list = form.problemsList();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(0)).center());
    QCOMPARE(form.focusWidget(), form.findChild<QLineEdit*>(QStringLiteral("lr")));
}

void SetupFormTest::anEditIsCheckedQuickly() {
    // Every keystroke rechecks every run: it must not make typing lag.
    SetupForm form(kPresets);
    QVERIFY(form.loadPreset(QStringLiteral("demo-multitask.json")));
    for (const auto strategy :
         {StrategyName::Mono, StrategyName::Cross, StrategyName::Hybrid, StrategyName::Mixed})
        form.strategySection()->setChecked(strategy, true);
    QElapsedTimer timer;
    timer.start();
    const int edits = 20;
    for (int i = 0; i < edits; ++i) edit(form, QStringLiteral("lr"), QString::number(0.001 + i));
    const double perEdit = static_cast<double>(timer.elapsed()) / edits;
    qInfo("one edit rechecked 5 strategies in %.1f ms", perEdit);
    QVERIFY2(perEdit < 100.0, qPrintable(QString::number(perEdit)));
}

void SetupFormTest::rendersAt1280x800() {
    // $MTREC_SETUP_PNG_DIR keeps the pictures (to look at them); else a temporary folder.
    QTemporaryDir temporary;
    const QString dir = qEnvironmentVariableIsSet("MTREC_SETUP_PNG_DIR")
                            ? qEnvironmentVariable("MTREC_SETUP_PNG_DIR")
                            : temporary.path();
    SetupForm form(kPresets);
    form.resize(1280, 800);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    QVERIFY(form.loadPreset(QStringLiteral("demo-multitask.json")));
    form.strategySection()->setChecked(StrategyName::Hybrid, true);
    edit(form, QStringLiteral("seeds"), QStringLiteral("13, 14, 15"));
    QTest::qWait(50);  // let the layouts settle, as the event loop would before painting
    QVERIFY(form.grab().save(dir + QStringLiteral("/setup-form.png")));
    // The whole scrolled column, in window-high slices.
    auto* content = form.findChild<QScrollArea*>()->widget();
    auto saveColumn = [&](const QString& name) {
        for (int top = 0, i = 0; top < content->height(); top += 800, ++i)
            QVERIFY(content->grab(QRect(0, top, content->width(), 800))
                        .save(dir + QStringLiteral("/%1-%2.png").arg(name).arg(i)));
    };
    saveColumn(QStringLiteral("setup-form-column"));
    edit(form, QStringLiteral("hybridAlpha"), QStringLiteral("1.5"));
    edit(form, QStringLiteral("batchSize"), QStringLiteral("1"));
    QTest::qWait(50);
    QVERIFY(form.grab().save(dir + QStringLiteral("/setup-form-problems.png")));
    saveColumn(QStringLiteral("setup-form-problems-column"));
    QCOMPARE(form.grab().size(), QSize(1280, 800));
}

void SetupFormTest::eachStrategysOptionsShareOneForm() {
    // Each strategy's options (mixed: α and the one-language box) sit in one indented form; a
    // second layout on the same box is refused by Qt with a warning and leaves its row unplaced.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QLayout")));
    SetupForm form(kPresets);
    auto* oneLanguage = form.findChild<QCheckBox*>(QStringLiteral("mixedMonoOneLanguage"));
    QVERIFY(oneLanguage);
    auto* layout = qobject_cast<QFormLayout*>(oneLanguage->parentWidget()->layout());
    QVERIFY(layout);
    QVERIFY(layout->indexOf(oneLanguage) >= 0);
    QVERIFY(oneLanguage->parentWidget()->isAncestorOf(
        form.findChild<QLineEdit*>(QStringLiteral("mixedAlpha"))));
}

QTEST_MAIN(SetupFormTest)
#include "setup_form_test.moc"
