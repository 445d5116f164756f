#include "problem_marks.h"

#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>
#include <QWidget>

namespace mtrec::ui {
namespace {

bool matches(const std::string& path, const std::string& prefix) {
    if (path.compare(0, prefix.size(), prefix) != 0) return false;
    return path.size() == prefix.size() || path[prefix.size()] == '.' || path[prefix.size()] == '[';
}

void markField(QWidget* field, bool bad) {
    if (field->property("problem").toBool() == bad) return;
    field->setProperty("problem", bad);
    field->style()->unpolish(field);
    field->style()->polish(field);
}

}  // namespace

QString FormProblem::text() const {
    QString line = QString::fromStdString(path + ": " + message);
    if (!strategy.empty()) line += QStringLiteral(" (%1)").arg(QString::fromStdString(strategy));
    return line;
}

bool operator==(const FormProblem& a, const FormProblem& b) {
    return a.path == b.path && a.message == b.message && a.strategy == b.strategy;
}

QWidget* ProblemMarks::wrap(QWidget* field) {
    auto* box = new QWidget(field->parentWidget());
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    // The label spans the row; a field of fixed natural width (a spin box, a combo) keeps it.
    box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    const bool grows =
        field->layout() || (field->sizePolicy().horizontalPolicy() & QSizePolicy::ExpandFlag);
    layout->addWidget(field, 0, grows ? Qt::Alignment() : Qt::AlignLeft);
    auto* label = new QLabel(box);
    label->setObjectName(QStringLiteral("problemLabel"));
    label->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    layout->addWidget(label);
    labels_.insert(field, label);
    return box;
}

void ProblemMarks::map(const std::string& prefix, QWidget* field, const std::string& strategy) {
    Q_ASSERT_X(labels_.contains(field), "ProblemMarks::map", "the field was not wrapped");
    mappings_.push_back({prefix, field, strategy});
}

QWidget* ProblemMarks::fieldFor(const FormProblem& problem) const {
    const Mapping* best = nullptr;
    for (const Mapping& mapping : mappings_) {
        if (!mapping.strategy.empty() && mapping.strategy != problem.strategy) continue;
        if (!matches(problem.path, mapping.prefix)) continue;
        const bool longer = !best || mapping.prefix.size() > best->prefix.size();
        const bool moreSpecific =
            best && mapping.prefix.size() == best->prefix.size() && !mapping.strategy.empty();
        if (longer || moreSpecific) best = &mapping;
    }
    return best ? best->field : nullptr;
}

void ProblemMarks::show(const std::vector<FormProblem>& problems) {
    QHash<const QWidget*, QStringList> messages;
    for (const FormProblem& problem : problems)
        if (QWidget* field = fieldFor(problem))
            messages[field] << QString::fromStdString(problem.message);
    for (auto it = labels_.begin(); it != labels_.end(); ++it) {
        const QStringList lines = messages.value(it.key());
        it.value()->setText(lines.join(QLatin1Char('\n')));
        it.value()->setVisible(!lines.isEmpty());
        markField(const_cast<QWidget*>(it.key()), !lines.isEmpty());
    }
}

QString ProblemMarks::messageAt(const QWidget* field) const {
    const QLabel* label = labels_.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

}  // namespace mtrec::ui
