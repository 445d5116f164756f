#include "data_section.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QVBoxLayout>

#include "data_languages.h"
#include "experiment/config_choices.h"
#include "form_fields.h"
#include "problem_marks.h"

namespace mtrec::ui {
namespace {

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

bool contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

DataSection::DataSection(ProblemMarks& marks, QWidget* parent) : QGroupBox(tr("Data"), parent) {
    sectionForm(this);
    buildSources(marks);
    buildSplit(marks);
}

void DataSection::buildSources(ProblemMarks& marks) {
    auto* form = static_cast<QFormLayout*>(layout());
    qaFolder_ = new QLineEdit(this);
    qaFolder_->setObjectName(QStringLiteral("qaFolder"));
    qaFolder_->setPlaceholderText(tr("none"));
    qaFolder_->setToolTip(
        tr("SQuAD-style files, one per language, parallel by question id; per language the first "
           "of dev-context-L-question-L.json, test-context-L-question-L.json (MLQA), xquad.L.json, "
           "L.json (XQuAD)"));
    QWidget* folderRow = pathRow(qaFolder_, false, this);
    form->addRow(tr("Parallel QA folder"), marks.wrap(folderRow));
    marks.map("$.data.parallel_qa", folderRow);

    jsonl_ = new QPlainTextEdit(this);
    jsonl_->setObjectName(QStringLiteral("jsonl"));
    jsonl_->setPlaceholderText(
        tr("one JSONL file a line: {\"id\", \"lang\", \"query\", "
           "\"passage\"[, \"hard_negative\"]}"));
    jsonl_->setToolTip(
        tr("JSONL pairs: one object a line; lines with one id in several "
           "languages are parallel"));
    jsonl_->setFixedHeight(jsonl_->fontMetrics().lineSpacing() * 3 + 12);
    form->addRow(tr("JSONL files"), marks.wrap(jsonl_));
    marks.map("$.data.jsonl", jsonl_);
    marks.map("$.data", jsonl_);

    buildSentences(marks);
    connect(qaFolder_, &QLineEdit::textEdited, this, [this] {
        refreshLanguages();
        Q_EMIT changed();
    });
    connect(jsonl_, &QPlainTextEdit::textChanged, this, [this] {
        if (filling_) return;
        refreshLanguages();
        Q_EMIT changed();
    });
}

void DataSection::buildSentences(ProblemMarks& marks) {
    sentences_ = new QTableWidget(0, 4, this);
    sentences_->setHorizontalHeaderLabels(
        {tr("Query file"), tr("Passage file"), tr("Query lang"), tr("Passage lang")});
    sentences_->setToolTip(
        tr("Line-parallel files for the translation-ranking task; the "
           "languages default to the file extensions"));
    auto* sentencesBox = new QWidget(this);
    editableTable(
        sentencesBox, sentences_, tr("Add files"), [this] { addSentenceRow({}); },
        [this] { Q_EMIT changed(); }, filling_);
    static_cast<QFormLayout*>(layout())->addRow(tr("Parallel sentences"), marks.wrap(sentencesBox));
    marks.map("$.data.parallel_sentences", sentencesBox);
}

void DataSection::buildSplit(ProblemMarks& marks) {
    auto* form = static_cast<QFormLayout*>(layout());
    buildLanguages(marks);

    answerUnit_ = new QComboBox(this);
    fillCombo(answerUnit_, experiment::answerUnitChoices());
    answerUnit_->setToolTip(
        tr("passage = the ICU sentence holding answer_start (as MLQA-R "
           "splits), or the whole paragraph"));
    form->addRow(tr("Answer unit"), marks.wrap(answerUnit_));
    marks.map("$.data.answer_unit", answerUnit_);

    maxGroups_ = addMarkedEdit(
        form, marks,
        {tr("Max groups"), "$.data.max_groups", tr("all"),
         tr("keep at most this many question ids (groups), drawn with the seed — for quick runs"),
         QStringLiteral("maxGroups")});
    fraction_ =
        addMarkedEdit(form, marks,
                      {tr("Validation fraction"), "$.data.validation.fraction", QStringLiteral("0"),
                       tr("share of the groups held out, in [0, 1)"), QStringLiteral("fraction")});
    validationLanguages_ = addMarkedEdit(
        form, marks,
        {tr("Validation languages"), "$.data.validation.languages", tr("every training language"),
         tr("the held-out groups' pairs in these languages form the validation set (the paper: "
            "en)"),
         QStringLiteral("validationLanguages"), 30});

    for (QLineEdit* edit : {maxGroups_, fraction_, validationLanguages_})
        connect(edit, &QLineEdit::textEdited, this, &DataSection::changed);
    connect(answerUnit_, qOverload<int>(&QComboBox::activated), this, &DataSection::changed);
}

void DataSection::buildLanguages(ProblemMarks& marks) {
    allLanguages_ = new QCheckBox(tr("Every language the sources offer"), this);
    allLanguages_->setObjectName(QStringLiteral("allLanguages"));
    languages_ = new QListWidget(this);
    languages_->setFlow(QListView::LeftToRight);
    languages_->setWrapping(true);
    languages_->setFixedHeight(languages_->fontMetrics().lineSpacing() * 2 + 14);
    languages_->setToolTip(tr("The training languages; each must have data"));
    auto* languageBox = new QWidget(this);
    auto* languageLayout = new QVBoxLayout(languageBox);
    languageLayout->setContentsMargins(0, 0, 0, 0);
    languageLayout->addWidget(allLanguages_);
    languageLayout->addWidget(languages_);
    static_cast<QFormLayout*>(layout())->addRow(tr("Training languages"), marks.wrap(languageBox));
    marks.map("$.data.languages", languageBox);
    connect(allLanguages_, &QCheckBox::toggled, this, [this](bool all) {
        languages_->setEnabled(!all);
        if (filling_) return;
        if (all) refreshLanguages();
        Q_EMIT changed();
    });
    connect(languages_, &QListWidget::itemChanged, this, [this] {
        if (!filling_) Q_EMIT changed();
    });
}

void DataSection::setBaseDir(const std::filesystem::path& baseDir) {
    baseDir_ = baseDir;
    refreshLanguages();
}

void DataSection::setData(const experiment::DataConfig& data) {
    filling_ = true;
    loaded_ = data;
    qaFolder_->setText(text(data.parallelQaFolder));
    QStringList jsonl;
    for (const std::string& file : data.jsonlFiles) jsonl << text(file);
    jsonl_->setPlainText(jsonl.join(QLatin1Char('\n')));
    sentences_->setRowCount(0);
    for (const data::ParallelTextFiles& files : data.parallelSentences) addSentenceRow(files);
    allLanguages_->setChecked(data.languages.empty());
    languages_->setEnabled(!data.languages.empty());
    const std::vector<std::string> offered = offeredLanguages(data, baseDir_);
    setLanguageItems(data.languages.empty() ? offered : data.languages, offered);
    selectKey(answerUnit_, choiceOf(experiment::answerUnitChoices(), data.answerUnit).key);
    maxGroups_->setText(data.maxGroups ? QString::number(qulonglong(*data.maxGroups)) : QString());
    fraction_->setText(textUnlessDefault(data.validation.fraction, 0.0));
    validationLanguages_->setText(joinLanguages(data.validation.languages));
    filling_ = false;
}

void DataSection::read(experiment::DataConfig& data, FieldReader& reader) const {
    data = loaded_;
    data.parallelQaFolder = qaFolder_->text().trimmed().toStdString();
    data.jsonlFiles.clear();
    for (const QString& line : jsonl_->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty()) data.jsonlFiles.push_back(line.trimmed().toStdString());
    data.parallelSentences = sentenceFiles();
    data.languages = allLanguages_->isChecked() ? std::vector<std::string>{} : checkedLanguages();
    data.answerUnit = *parseChoice(experiment::answerUnitChoices(), selectedKey(answerUnit_));
    data.maxGroups.reset();
    if (!maxGroups_->text().trimmed().isEmpty())
        data.maxGroups = reader.count(maxGroups_, "$.data.max_groups", 0);
    data.validation.fraction = reader.number(fraction_, "$.data.validation.fraction", 0.0);
    data.validation.languages = splitLanguages(validationLanguages_->text());
}

QStringList DataSection::listedLanguages() const {
    QStringList out;
    for (int i = 0; i < languages_->count(); ++i)
        out << languages_->item(i)->data(Qt::UserRole).toString();
    return out;
}

void DataSection::setLanguageChecked(const QString& language, bool checked) {
    for (int i = 0; i < languages_->count(); ++i)
        if (languages_->item(i)->data(Qt::UserRole).toString() == language)
            languages_->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void DataSection::refreshLanguages() {
    std::vector<experiment::ConfigProblem> ignored;
    FieldReader reader(ignored);
    experiment::DataConfig sources;
    read(sources, reader);
    const std::vector<std::string> offered = offeredLanguages(sources, baseDir_);
    // With "every language" on, the list shows all that is offered checked (greyed).
    setLanguageItems(allLanguages_->isChecked() ? offered : checkedLanguages(), offered);
}

std::vector<std::string> DataSection::checkedLanguages() const {
    std::vector<std::string> checked;
    for (int i = 0; i < languages_->count(); ++i)
        if (languages_->item(i)->checkState() == Qt::Checked)
            checked.push_back(languages_->item(i)->data(Qt::UserRole).toString().toStdString());
    return checked;
}

void DataSection::setLanguageItems(const std::vector<std::string>& checked,
                                   const std::vector<std::string>& offered) {
    const bool wasFilling = filling_;
    filling_ = true;
    languages_->clear();
    auto add = [this, &offered](const std::string& language, bool on) {
        auto* item = new QListWidgetItem(text(language), languages_);
        item->setData(Qt::UserRole, text(language));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        if (!contains(offered, language)) {
            item->setText(tr("%1 (not found)").arg(text(language)));
            item->setForeground(QColor(0xb7, 0x1c, 0x1c));
        }
    };
    for (const std::string& language : checked) add(language, true);
    for (const std::string& language : offered)
        if (!contains(checked, language)) add(language, false);
    filling_ = wasFilling;
}

std::vector<data::ParallelTextFiles> DataSection::sentenceFiles() const {
    std::vector<data::ParallelTextFiles> out;
    auto cell = [this](int row, int column) {
        const QTableWidgetItem* item = sentences_->item(row, column);
        return item ? item->text().trimmed().toStdString() : std::string();
    };
    for (int row = 0; row < sentences_->rowCount(); ++row)
        out.push_back({cell(row, 0), cell(row, 1), cell(row, 2), cell(row, 3)});
    return out;
}

void DataSection::addSentenceRow(const data::ParallelTextFiles& files) {
    const bool wasFilling = filling_;
    filling_ = true;
    const int row = sentences_->rowCount();
    sentences_->insertRow(row);
    const std::string cells[] = {files.queryFile, files.passageFile, files.queryLang,
                                 files.passageLang};
    for (int column = 0; column < 4; ++column)
        sentences_->setItem(row, column, new QTableWidgetItem(text(cells[column])));
    filling_ = wasFilling;
}

}  // namespace mtrec::ui
