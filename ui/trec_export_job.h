#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include "common/cancel_token.h"

class QThread;

namespace mtrec::ui {

/// Regenerates the TREC runs of stored runs (experiment::exportTrecRuns, as `mtrec runs export
/// --format trec` does) on a worker thread of its own, which opens the database read-only there
/// (one store per thread), so the window stays live while an encoder embeds. Its signals come on
/// the thread that owns the job (the GUI thread), progress at most every 100 ms. An encoder run
/// sets ATen's process-wide thread count: start one job at a time. Destroying a running job
/// cancels it and waits for the worker.
class TrecExportJob : public QObject {
    Q_OBJECT
public:
    /// The folders written are <outDir>/<id>-<name>/<suite>/<qlang>-<pool>.run and .qrels.
    TrecExportJob(QString databasePath, QList<qint64> runIds, QString outDir,
                  QObject* parent = nullptr);
    ~TrecExportJob() override;

    void start();
    /// Asks the job to stop at the next batch; it then emits cancelled() and leaves no partial
    /// folder behind.
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    /// A line for people (the run being regenerated, the model loading), units done and in all.
    void progressed(const QString& message, qint64 done, qint64 total);
    /// Every run's folder and every file written (sorted per run).
    void finished(const QStringList& folders, const QStringList& files);
    void failed(const QString& message);
    /// Stopped as cancel() asked (the core's error, "run N (name): cancelled", is not shown).
    void cancelled();

private:
    void run();

    QString databasePath_;
    QList<qint64> runIds_;
    QString outDir_;
    CancelToken cancel_;
    QThread* thread_ = nullptr;
};

}  // namespace mtrec::ui
