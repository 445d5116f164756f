#include "trec_export_dialog.h"

#include <algorithm>

#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QProgressDialog>

#include "trec_export_job.h"

namespace mtrec::ui {
namespace {

constexpr int kShowProgressAfterMs = 500;

QProgressDialog* progressDialog(QWidget* parent, TrecExportJob* job) {
    auto* progress = new QProgressDialog(QObject::tr("Regenerating the rankings…"),
                                         QObject::tr("Cancel"), 0, 0, parent);
    progress->setObjectName(QStringLiteral("trecExportProgress"));
    progress->setWindowTitle(QObject::tr("Export TREC runs"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(kShowProgressAfterMs);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    QObject::connect(progress, &QProgressDialog::canceled, job, &TrecExportJob::cancel);
    QObject::connect(job, &TrecExportJob::progressed, progress,
                     [progress](const QString& message, qint64 done, qint64 total) {
                         if (!message.isEmpty()) progress->setLabelText(message);
                         progress->setMaximum(int(total));
                         progress->setValue(int(std::min(done, total)));
                     });
    return progress;
}

void reportWritten(QWidget* parent, const QStringList& folders, const QStringList& files) {
    QMessageBox box(QMessageBox::Information, QObject::tr("TREC runs exported"),
                    QObject::tr("Wrote %n file(s) into:", nullptr, int(files.size())) +
                        QLatin1Char('\n') + folders.join(QLatin1Char('\n')),
                    QMessageBox::Ok, parent);
    box.setDetailedText(files.join(QLatin1Char('\n')));
    box.exec();
}

}  // namespace

TrecExportJob* exportTrecRunsInto(QWidget* parent, const QString& databasePath,
                                  const QList<qint64>& runIds, const QString& outDir) {
    auto* job = new TrecExportJob(databasePath, runIds, outDir, parent);
    QProgressDialog* progress = progressDialog(parent, job);
    QObject::connect(job, &TrecExportJob::finished, parent,
                     [parent, job, progress](const QStringList& folders, const QStringList& files) {
                         progress->deleteLater();
                         job->deleteLater();
                         reportWritten(parent, folders, files);
                     });
    QObject::connect(
        job, &TrecExportJob::failed, parent, [parent, job, progress](const QString& message) {
            progress->deleteLater();
            job->deleteLater();
            QMessageBox::warning(parent, QObject::tr("TREC runs not exported"), message);
        });
    QObject::connect(job, &TrecExportJob::cancelled, parent, [job, progress] {
        progress->deleteLater();
        job->deleteLater();
    });
    job->start();
    return job;
}

TrecExportJob* exportTrecRunsInteractive(QWidget* parent, const QString& databasePath,
                                         const QList<qint64>& runIds) {
    if (runIds.isEmpty()) {
        QMessageBox::information(parent, QObject::tr("Export TREC runs"),
                                 QObject::tr("Select the runs to export first."));
        return nullptr;
    }
    const QString outDir = QFileDialog::getExistingDirectory(
        parent, QObject::tr("Export TREC runs into folder"), QDir::homePath());
    if (outDir.isEmpty()) return nullptr;
    return exportTrecRunsInto(parent, databasePath, runIds, outDir);
}

}  // namespace mtrec::ui
