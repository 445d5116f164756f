// RunsTreeModel: editing a run's tags and notes in place, written through the store.
#include "run_tags.h"
#include "runs_tree_model.h"
#include "store/experiment_store.h"

namespace mtrec::ui {

bool RunsTreeModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !runAt(index)) return false;
    if (!store_) {
        Q_EMIT writeFailed(
            tr("Run #%1 cannot be edited: no database is open").arg(runAt(index)->run.id));
        return false;
    }
    if (index.column() == Tags) return writeTags(index, value.toString());
    if (index.column() == Notes) return writeNote(index, value.toString());
    return false;
}

bool RunsTreeModel::writeTags(const QModelIndex& index, const QString& text) {
    const RunRow& row = *runAt(index);
    const std::vector<std::string> wanted = parseTags(text);
    if (wanted == row.run.tags) return true;
    auto runs = store_->runs();
    if (mtrec::Status written = ui::writeTags(runs, row.run.id, row.run.tags, wanted); !written) {
        Q_EMIT writeFailed(tr("Could not change the tags of run #%1: %2")
                               .arg(row.run.id)
                               .arg(QString::fromStdString(written.error().message)));
        return false;
    }
    rereadRun(index);
    return true;
}

bool RunsTreeModel::writeNote(const QModelIndex& index, const QString& text) {
    const RunRow& row = *runAt(index);
    if (text.trimmed().isEmpty() || text == row.latestNote) return false;
    auto added = store_->runs().addNote(row.run.id, text.toStdString());
    if (!added) {
        Q_EMIT writeFailed(tr("Could not add a note to run #%1: %2")
                               .arg(row.run.id)
                               .arg(QString::fromStdString(added.error().message)));
        return false;
    }
    rereadRun(index);
    return true;
}

void RunsTreeModel::rereadRun(const QModelIndex& index) {
    RunRow& row = const_cast<RunRow&>(*runAt(index));  // one of rows_, which this owns
    auto runs = store_->runs();
    auto record = runs.get(row.run.id);
    auto notes = runs.notes(row.run.id);
    if (!record || !notes) {
        Q_EMIT writeFailed(
            tr("Run #%1 was changed but could not be read back: %2")
                .arg(row.run.id)
                .arg(QString::fromStdString((!record ? record.error() : notes.error()).message)));
        return;
    }
    row.run.tags = record.value().tags;
    row.noteCount = static_cast<int>(notes.value().size());
    row.latestNote =
        notes.value().empty() ? QString() : QString::fromStdString(notes.value().back().text);
    Q_EMIT dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(ColumnCount - 1));
    if (index.parent().isValid())  // the group's union of tags
        Q_EMIT dataChanged(index.parent().siblingAtColumn(0),
                           index.parent().siblingAtColumn(ColumnCount - 1));
}

}  // namespace mtrec::ui
