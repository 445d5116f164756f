// Run → Export TREC runs: the job behind it (ui/trec_export_job.h) regenerates a stored BM25 run's
// rankings on its worker thread, exactly as `mtrec eval --trec` wrote them.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "experiment/evaluation_job.h"
#include "trec_export_job.h"

using namespace mtrec;

class TrecExportTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString database_;
    qint64 runId_ = 0;

    static QByteArray fileBytes(const QString& path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
    }

    /// The files under `folder`, relative to it, sorted.
    static QStringList filesUnder(const QString& folder) {
        QStringList files;
        QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) files.append(QDir(folder).relativeFilePath(it.next()));
        files.sort();
        return files;
    }

private Q_SLOTS:
    /// `mtrec eval --suite xquad-r --scorer bm25 --trec --db` on two demo languages.
    void initTestCase() {
        experiment::EvaluationJobOptions options;
        options.suite = "xquad-r";
        options.dataDir = MTREC_SOURCE_DIR "/resources/demo/eval";
        options.languages = {"de", "en"};
        options.outDir = dir_.filePath(QStringLiteral("eval")).toStdString();
        options.trec = true;
        database_ = dir_.filePath(QStringLiteral("e.db"));
        options.databasePath = database_.toStdString();
        options.runName = "bm25";
        auto outcome = experiment::runEvaluation(options, {}, {});
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.error().message.c_str());
        runId_ = outcome.value().runId.value_or(0);
        QCOMPARE(runId_, 1);
    }

    void writesTheRunsTrecFilesAsTheEvaluationDid() {
        const QString out = dir_.filePath(QStringLiteral("trec"));
        ui::TrecExportJob job(database_, {runId_}, out);
        QSignalSpy finished(&job, &ui::TrecExportJob::finished);
        QSignalSpy failed(&job, &ui::TrecExportJob::failed);
        QSignalSpy progressed(&job, &ui::TrecExportJob::progressed);
        job.start();
        QVERIFY(finished.wait(120'000));
        QCOMPARE(failed.size(), 0);
        const QString folder = out + QStringLiteral("/1-bm25");
        QCOMPARE(finished[0][0].toStringList(), QStringList{folder});
        // Two languages: de and en against de, en and the Mul pool, each a .run and a .qrels.
        const QStringList expected = {
            QStringLiteral("xquad-r/de-all.qrels"), QStringLiteral("xquad-r/de-all.run"),
            QStringLiteral("xquad-r/de-de.qrels"),  QStringLiteral("xquad-r/de-de.run"),
            QStringLiteral("xquad-r/de-en.qrels"),  QStringLiteral("xquad-r/de-en.run"),
            QStringLiteral("xquad-r/en-all.qrels"), QStringLiteral("xquad-r/en-all.run"),
            QStringLiteral("xquad-r/en-de.qrels"),  QStringLiteral("xquad-r/en-de.run"),
            QStringLiteral("xquad-r/en-en.qrels"),  QStringLiteral("xquad-r/en-en.run")};
        QCOMPARE(filesUnder(folder), expected);
        QStringList reported;
        for (const QString& file : expected) reported.append(folder + QLatin1Char('/') + file);
        QCOMPARE(finished[0][1].toStringList(), reported);
        const QString evaluated = dir_.filePath(QStringLiteral("eval/trec"));
        QCOMPARE(filesUnder(evaluated), expected);
        for (const QString& file : expected)
            QVERIFY2(fileBytes(folder + QLatin1Char('/') + file) ==
                         fileBytes(evaluated + QLatin1Char('/') + file),
                     qPrintable(file));
        QVERIFY(fileBytes(folder + QStringLiteral("/xquad-r/de-de.run")).contains(" Q0 "));
        QVERIFY(!progressed.isEmpty());
        QCOMPARE(progressed[0][0].toString(),
                 QStringLiteral("regenerating the rankings of run 1 (bm25)"));
    }

    void cancelledItSaysSoAndLeavesNothing() {
        const QString out = dir_.filePath(QStringLiteral("cancelled"));
        ui::TrecExportJob job(database_, {runId_}, out);
        QSignalSpy cancelled(&job, &ui::TrecExportJob::cancelled);
        QSignalSpy failed(&job, &ui::TrecExportJob::failed);
        job.cancel();
        job.start();
        QVERIFY(cancelled.wait(120'000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(QDir(out).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList());
    }

    void anUnknownRunIsAnErrorNamingIt() {
        ui::TrecExportJob job(database_, {99}, dir_.filePath(QStringLiteral("none")));
        QSignalSpy failed(&job, &ui::TrecExportJob::failed);
        job.start();
        QVERIFY(failed.wait(30'000));
        QVERIFY2(failed[0][0].toString().startsWith(QStringLiteral("no run with id 99")),
                 qPrintable(failed[0][0].toString()));
    }
};

QTEST_MAIN(TrecExportTest)
#include "trec_export_test.moc"
