#include <QSignalSpy>
#include <QtTest>

#include "run_queue.h"

using mtrec::ui::RunEnd;
using mtrec::ui::RunProgress;
using mtrec::ui::RunQueue;

/// RunQueue against tests/ui/fake_mtrec.sh, whose behaviour depends on the run id it is given.
class RunQueueTest : public QObject {
    Q_OBJECT

    static QString fakeChild() { return QStringLiteral(MTREC_FAKE_CHILD); }

    /// Waits until `spy` holds `count` signals (ten seconds at most).
    static bool waitFor(QSignalSpy& spy, int count) {
        for (int i = 0; i < 100 && spy.count() < count; ++i) spy.wait(100);
        return spy.count() >= count;
    }

private Q_SLOTS:
    void deliversThrottledProgressInOrderThenTheEnd() {
        RunQueue queue(fakeChild(), {QStringLiteral("--db"), QStringLiteral("x.db")});
        QSignalSpy started(&queue, &RunQueue::runStarted);
        QSignalSpy progress(&queue, &RunQueue::progress);
        QSignalSpy ended(&queue, &RunQueue::runEnded);
        queue.enqueue(1);
        QVERIFY(waitFor(ended, 1));
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.at(0).at(0).toLongLong(), 1);
        QCOMPARE(ended.at(0).at(1).value<RunEnd>(), RunEnd::Finished);
        // 51 lines arrive at once: the first training report, the newest one held back, and the
        // phase change to embedding go out; the 48 in between are dropped.
        QVERIFY2(progress.count() <= 4, qPrintable(QString::number(progress.count())));
        QList<qint64> steps;
        QStringList phases;
        for (const auto& signal : progress) {
            const auto report = signal.at(0).value<RunProgress>();
            steps.append(report.step);
            phases.append(report.phase);
        }
        QCOMPARE(phases.first(), QStringLiteral("training"));
        QCOMPARE(phases.last(), QStringLiteral("embedding"));
        QCOMPARE(steps.first(), 1);
        QVERIFY(std::is_sorted(steps.begin(), steps.end() - 1));
        QVERIFY(!queue.isBusy());
    }

    void runsOneAfterAnotherAndReportsFailures() {
        RunQueue queue(fakeChild(), {});
        QSignalSpy ended(&queue, &RunQueue::runEnded);
        queue.enqueue(2);
        queue.enqueue(5);
        QCOMPARE(queue.pendingRuns(), (QList<qint64>{5}));
        QVERIFY(waitFor(ended, 2));
        QCOMPARE(ended.at(0).at(0).toLongLong(), 2);
        QCOMPARE(ended.at(0).at(1).value<RunEnd>(), RunEnd::Failed);
        QCOMPARE(ended.at(0).at(2).toString(),
                 QStringLiteral("demo.json: $.strategy.alpha: must be in [0, 1]"));
        QCOMPARE(ended.at(1).at(0).toLongLong(), 5);
        QCOMPARE(ended.at(1).at(2).toString(), QStringLiteral("step 3: loss is nan"));
    }

    void cancelStopsTheChildAndEndsCancelled() {
        RunQueue queue(fakeChild(), {});
        QSignalSpy progress(&queue, &RunQueue::progress);
        QSignalSpy ended(&queue, &RunQueue::runEnded);
        queue.enqueue(3);
        queue.enqueue(1);
        QVERIFY(waitFor(progress, 1));
        QElapsedTimer clock;
        clock.start();
        queue.cancelAll();
        QVERIFY(waitFor(ended, 1));
        QVERIFY(clock.elapsed() < 2000);
        QCOMPARE(ended.at(0).at(0).toLongLong(), 3);
        QCOMPARE(ended.at(0).at(1).value<RunEnd>(), RunEnd::Cancelled);
        // The run queued behind it was dropped with the queue.
        QTest::qWait(200);
        QCOMPARE(ended.count(), 1);
        QVERIFY(queue.pendingRuns().isEmpty());
    }

    void aKilledChildEndsFailedWithWhatHappened() {
        RunQueue queue(fakeChild(), {});
        QSignalSpy ended(&queue, &RunQueue::runEnded);
        queue.enqueue(4);
        QVERIFY(waitFor(ended, 1));
        QCOMPARE(ended.at(0).at(1).value<RunEnd>(), RunEnd::Failed);
        QVERIFY(ended.at(0).at(2).toString().contains(QStringLiteral("died")));
    }

    void aMissingProgramEndsFailedAndTheQueueGoesOn() {
        RunQueue queue(QStringLiteral("/no/such/mtrec"), {});
        QSignalSpy ended(&queue, &RunQueue::runEnded);
        queue.enqueue(7);
        queue.enqueue(8);
        QVERIFY(waitFor(ended, 2));
        QVERIFY(
            ended.at(0).at(2).toString().startsWith(QStringLiteral("cannot start /no/such/mtrec")));
        QCOMPARE(ended.at(1).at(0).toLongLong(), 8);
    }

    void parsesProgressLines() {
        const auto report = mtrec::ui::parseRunProgress(
            R"({"run_id":9,"phase":"training","step":12,"total_steps":200,"loss":0.25,"lr":0.001,)"
            R"("examples_per_second":310.5,"eta_seconds":42,"validation_loss":0.75})");
        QVERIFY(report);
        QCOMPARE(report->runId, 9);
        QCOMPARE(report->step, 12);
        QCOMPARE(report->totalSteps, 200);
        QCOMPARE(report->loss, 0.25);
        QCOMPARE(report->learningRate, 0.001);
        QCOMPARE(report->examplesPerSecond, 310.5);
        QCOMPARE(report->etaSeconds, 42.0);
        QCOMPARE(report->validationLoss.value(), 0.75);
        QVERIFY(!mtrec::ui::parseRunProgress("step 12/200 loss 0.25"));
    }
};

QTEST_MAIN(RunQueueTest)
#include "run_queue_test.moc"
