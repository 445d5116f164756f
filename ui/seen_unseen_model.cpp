#include "seen_unseen_model.h"

#include "grid_heatmaps.h"

namespace mtrec::ui {
namespace {

constexpr int kMetricDecimals = 3;
constexpr int kRankDistanceDecimals = 1;

QString languageList(const std::vector<std::string>& languages) {
    QStringList names;
    for (const std::string& language : languages) names.append(QString::fromStdString(language));
    return names.join(QStringLiteral(", "));
}

QString dash() {
    return QStringLiteral("—");
}

}  // namespace

SeenUnseenModel::SeenUnseenModel(QObject* parent) : QAbstractTableModel(parent) {}

void SeenUnseenModel::setSummary(report::SeenUnseenSummary summary) {
    beginResetModel();
    summary_ = std::move(summary);
    empty_ = false;
    endResetModel();
}

void SeenUnseenModel::clear() {
    beginResetModel();
    summary_ = {};
    empty_ = true;
    endResetModel();
}

QString SeenUnseenModel::titleText() const {
    return tr("Seen vs unseen languages (%1)").arg(measureTitle(summary_.metric));
}

int SeenUnseenModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || empty_ ? 0 : RowCount;
}

int SeenUnseenModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

report::SetMean SeenUnseenModel::meanAt(int row, int column) const {
    if (column == Set) return {};
    if (row == Mixed) return column == Cr ? summary_.mixedCr : report::SetMean{};
    const report::LanguageSetScores& scores = row == All    ? summary_.overall
                                              : row == Seen ? summary_.seenScores
                                                            : summary_.unseenScores;
    switch (column) {
        case Mo:
            return scores.mo;
        case Cr:
            return scores.cr;
        case Mul:
            return scores.mul;
        default:
            return scores.rankDistance;
    }
}

QString SeenUnseenModel::rowName(int row) const {
    switch (row) {
        case All:
            return tr("all (%1)").arg(summary_.languages.size());
        case Seen:
            return summary_.hasTrainingLanguages ? tr("seen (%1)").arg(summary_.seen.size())
                                                 : tr("seen");
        case Unseen:
            return summary_.hasTrainingLanguages ? tr("unseen (%1)").arg(summary_.unseen.size())
                                                 : tr("unseen");
        default:
            return tr("mixed pairs");
    }
}

QString SeenUnseenModel::rowToolTip(int row) const {
    if (row == All) return tr("Every query language: %1").arg(languageList(summary_.languages));
    if (!summary_.hasTrainingLanguages)
        return tr(
            "The run trained on no language (untrained encoder, BM25, an evaluated model): "
            "no seen/unseen split");
    switch (row) {
        case Seen:
            return tr("The run's training languages: %1").arg(languageList(summary_.seen));
        case Unseen:
            return tr("The languages it did not train on: %1").arg(languageList(summary_.unseen));
        default:
            return tr(
                "Cross-lingual pairs of one seen and one unseen language (in neither seen "
                "nor unseen)");
    }
}

QString SeenUnseenModel::cellToolTip(int row, int column) const {
    if (column == Set) return rowToolTip(row);
    const report::SetMean mean = meanAt(row, column);
    if (mean.empty()) return rowToolTip(row);
    const QString value = QString::number(mean.value, 'f', 6);
    switch (column) {
        case Cr:
            return tr("%1: mean over %2 ordered language pairs").arg(value).arg(mean.cells);
        default:
            return tr("%1: mean over %2 query languages").arg(value).arg(mean.cells);
    }
}

QVariant SeenUnseenModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const report::SetMean mean = meanAt(row, column);
    switch (role) {
        case Qt::DisplayRole:
            if (column == Set) return rowName(row);
            if (mean.empty()) return dash();
            return QString::number(
                mean.value, 'f', column == RankDistance ? kRankDistanceDecimals : kMetricDecimals);
        case Qt::ToolTipRole:
            return cellToolTip(row, column);
        case Qt::TextAlignmentRole:
            return column == Set ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
    }
}

QVariant SeenUnseenModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
    const QString metric = measureTitle(summary_.metric);
    if (role == Qt::DisplayRole) {
        switch (section) {
            case Set:
                return tr("Languages");
            case Mo:
                return QStringLiteral("Mo");
            case Cr:
                return QStringLiteral("Cr");
            case Mul:
                return QStringLiteral("Mul");
            default:
                return tr("RD");
        }
    }
    if (role != Qt::ToolTipRole) return {};
    switch (section) {
        case Set:
            return tr("Seen: the run's training languages; unseen: the others");
        case Mo:
            return tr("Monolingual: mean of the set's (X, X) cells");
        case Cr:
            return tr("Cross-lingual: mean of the (X, Y ≠ X) cells with both languages in the set");
        case Mul:
            return tr("Multilingual: mean of the set's query languages' Mul cells");
        default:
            return tr(
                "Mean rank distance of the set's query languages (language bias; lower is "
                "fairer)");
    }
}

}  // namespace mtrec::ui
