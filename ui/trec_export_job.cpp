#include "trec_export_job.h"

#include <QThread>

#include "common/progress_throttle.h"
#include "experiment/trec_regeneration.h"
#include "store/experiment_store.h"

namespace mtrec::ui {

TrecExportJob::TrecExportJob(QString databasePath, QList<qint64> runIds, QString outDir,
                             QObject* parent)
    : QObject(parent),
      databasePath_(std::move(databasePath)),
      runIds_(std::move(runIds)),
      outDir_(std::move(outDir)) {}

TrecExportJob::~TrecExportJob() {
    if (!thread_) return;
    cancel();
    thread_->wait();
}

void TrecExportJob::start() {
    if (thread_) return;
    thread_ = QThread::create([this] { run(); });
    thread_->setObjectName(QStringLiteral("trec-export"));
    thread_->setParent(this);
    thread_->start();
}

void TrecExportJob::cancel() {
    cancel_.cancel();
}

bool TrecExportJob::isRunning() const {
    return thread_ && thread_->isRunning();
}

// On the worker thread: everything it tells the job goes through queued calls on the job's own
// thread, which Qt drops once the job is destroyed.
void TrecExportJob::run() {
    const auto post = [this](auto call) {
        QMetaObject::invokeMethod(this, call, Qt::QueuedConnection);
    };
    store::StoreOptions options;
    options.mode = store::OpenMode::ReadOnly;
    auto store = store::ExperimentStore::open(databasePath_.toStdString(), options);
    if (!store) {
        const QString message = QString::fromStdString(store.error().message);
        return post([this, message] { Q_EMIT failed(message); });
    }
    ProgressThrottle throttle([&post, this](const Progress& p) {
        const QString message = QString::fromStdString(p.message);
        const qint64 done = qint64(p.done), total = qint64(p.total);
        post([this, message, done, total] { Q_EMIT progressed(message, done, total); });
    });
    experiment::TrecExportOptions trec;
    trec.outDir = outDir_.toStdString();
    const std::vector<std::int64_t> ids(runIds_.begin(), runIds_.end());
    auto exported =
        experiment::exportTrecRuns(store.value(), ids, trec, std::ref(throttle), cancel_);
    throttle.flush();
    if (!exported && cancel_.cancelled()) return post([this] { Q_EMIT cancelled(); });
    if (!exported) {
        const QString message = QString::fromStdString(exported.error().message);
        return post([this, message] { Q_EMIT failed(message); });
    }
    QStringList folders, files;
    for (const experiment::TrecRunExport& run : exported.value()) {
        folders.append(QString::fromStdString(run.folder));
        for (const std::string& file : run.files) files.append(QString::fromStdString(file));
    }
    post([this, folders, files] { Q_EMIT finished(folders, files); });
}

}  // namespace mtrec::ui
