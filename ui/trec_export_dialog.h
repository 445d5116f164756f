#pragma once

#include <QList>
#include <QString>

class QWidget;

namespace mtrec::ui {

class TrecExportJob;

/// Run → Export TREC runs…: asks for a folder, regenerates the runs' TREC files there on a
/// TrecExportJob behind a progress dialog with Cancel (shown when it takes more than a moment),
/// then says in a dialog which folders and how many files it wrote, or why it could not. Returns
/// at once; returns the job started (owned by `parent`, deleted when done), or nullptr when
/// nothing was selected or the folder dialog was cancelled.
TrecExportJob* exportTrecRunsInteractive(QWidget* parent, const QString& databasePath,
                                         const QList<qint64>& runIds);

/// The same without the folder dialog: exports into `outDir`.
TrecExportJob* exportTrecRunsInto(QWidget* parent, const QString& databasePath,
                                  const QList<qint64>& runIds, const QString& outDir);

}  // namespace mtrec::ui
