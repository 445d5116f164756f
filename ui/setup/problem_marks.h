#pragma once

#include <string>
#include <vector>

#include <QHash>
#include <QString>

#include "experiment/training_config.h"

class QLabel;
class QWidget;

namespace mtrec::ui {

/// One problem the form shows: a config problem at its JSON path, and the strategy whose run has
/// it when it concerns one strategy's options (empty: every run of the form).
struct FormProblem {
    std::string path;
    std::string message;
    std::string strategy;  ///< a strategy key ("hybrid") or empty
    QString text() const;  ///< "path: message", with " (strategy)" when one strategy has it
};
bool operator==(const FormProblem& a, const FormProblem& b);

/// Shows problems at their fields: a table of JSON path prefixes -> field widget (optionally per
/// strategy, for the options two strategies share a path for, such as $.strategy.alpha) and, under
/// every wrapped field, a red label with its messages. Not a QObject: the widgets it points to are
/// owned by the form, which owns this too.
class ProblemMarks {
public:
    /// A container holding `field` and a hidden problem label under it; add it to the layout in
    /// place of `field`.
    QWidget* wrap(QWidget* field);
    /// Problems at `prefix` or below it ("$.data.languages" also takes "$.data.languages[2]") show
    /// at `field`, which must have been wrapped; the longest matching prefix wins.
    void map(const std::string& prefix, QWidget* field, const std::string& strategy = {});
    /// Replaces the shown problems; ones no prefix matches show only in the problems list.
    void show(const std::vector<FormProblem>& problems);
    /// The field a problem shows at, or null.
    QWidget* fieldFor(const FormProblem& problem) const;
    /// The messages shown under `field` (empty when none), one per line.
    QString messageAt(const QWidget* field) const;

private:
    struct Mapping {
        std::string prefix;
        QWidget* field;
        std::string strategy;
    };
    std::vector<Mapping> mappings_;
    QHash<const QWidget*, QLabel*> labels_;
};

}  // namespace mtrec::ui
