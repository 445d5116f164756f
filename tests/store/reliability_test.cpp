#include <gtest/gtest.h>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "store_test_support.h"

namespace mtrec::store {
namespace {

namespace fs = std::filesystem;
using mtrec::test::TempDir;
using test::fileBytes;

/// A store holding one finished, evaluated run; closed again, so the file is checkpointed.
fs::path makeDatabase(const TempDir& dir) {
    const fs::path path = dir.path() / "e.db";
    ExperimentStore store = test::openStore(path);
    const std::int64_t id = test::addRun(store, "finished", "hybrid", 1);
    EXPECT_TRUE(store.runs().start(id));
    EXPECT_TRUE(store.results().record(id, {test::cell("Mo", "all", "all", 0.5)}));
    EXPECT_TRUE(store.runs().finish(id));
    return path;
}

std::string integrity(ExperimentStore& store) {
    Statement check = store.database().prepare("PRAGMA integrity_check");
    check.step();
    return check.text(0);
}

TEST(Reliability, ReadOnlyFileIsRefusedForWritingButCanBeListed) {
    TempDir dir;
    const fs::path path = makeDatabase(dir);
    ASSERT_EQ(::chmod(path.c_str(), 0444), 0);
    const std::string before = fileBytes(path);
    Result<ExperimentStore> writable = ExperimentStore::open(path.string());
    ASSERT_FALSE(writable);
    EXPECT_EQ(writable.error().message,
              "cannot open database " + path.string() +
                  " for writing: the file is read-only (it was not changed)");
    StoreOptions readOnly;
    readOnly.mode = OpenMode::ReadOnly;
    {
        Result<ExperimentStore> reader = ExperimentStore::open(path.string(), readOnly);
        ASSERT_TRUE(reader) << reader.error().message;
        std::vector<RunListing> runs = reader.value().runs().list().value();
        ASSERT_EQ(runs.size(), 1u);
        EXPECT_DOUBLE_EQ(runs[0].summary.at(0).value, 0.5);
        Result<std::int64_t> write =
            reader.value().runs().create(NewRun{"x", "{}", "mono", 1, {}, ""});
        ASSERT_FALSE(write);
        EXPECT_NE(write.error().message.find("attempt to write a readonly database"),
                  std::string::npos)
            << write.error().message;
    }
    EXPECT_EQ(fileBytes(path), before);
    ::chmod(path.c_str(), 0644);
}

TEST(Reliability, LockedDatabaseFailsWithAClearMessageAndChangesNothing) {
    TempDir dir;
    const fs::path path = makeDatabase(dir);
    {  // a running run of a dead process, so that opening would need to write
        ExperimentStore store = test::openStore(path);
        const std::int64_t id = test::addRun(store, "dead", "mono", 2);
        ASSERT_TRUE(store.runs().start(id, {999999999, ProcessIdentity::current().hostname}));
    }
    Database holder = Database::open(path.string(), OpenMode::ReadWrite).value();
    ASSERT_TRUE(holder.exec(
        "BEGIN EXCLUSIVE; INSERT INTO notes(run_id, text, created_at) VALUES (1, 'x', 0)"));
    const std::string before = fileBytes(path);

    StoreOptions options;
    options.busyTimeoutMs = 150;
    const auto start = std::chrono::steady_clock::now();
    Result<ExperimentStore> opened = ExperimentStore::open(path.string(), options);
    const auto waited = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().message.rfind(
                  path.string() + ": database is locked (another process or connection "
                                  "holds a lock on it longer than the busy timeout)",
                  0),
              0u)
        << opened.error().message;
    EXPECT_GE(waited, std::chrono::milliseconds(140));
    EXPECT_EQ(fileBytes(path), before);

    ASSERT_TRUE(holder.exec("ROLLBACK"));
    ExperimentStore store = test::openStore(path);  // the lock is gone: now the dead run is marked
    EXPECT_EQ(store.interruptedAtOpen(), std::vector<std::int64_t>{2});
    EXPECT_EQ(store.runs().get(1).value().status, RunStatus::Finished);
}

TEST(Reliability, WriteWhileAnotherConnectionHoldsTheLockIsAnErrorValue) {
    TempDir dir;
    const fs::path path = makeDatabase(dir);
    StoreOptions options;
    options.busyTimeoutMs = 100;
    ExperimentStore store = test::openStore(path, options);
    Database holder = Database::open(path.string(), OpenMode::ReadWrite).value();
    ASSERT_TRUE(holder.exec("BEGIN IMMEDIATE"));
    EXPECT_EQ(store.runs().list().value().size(), 1u);  // WAL: reading still works
    Result<std::int64_t> created = store.runs().create(NewRun{"x", "{}", "mono", 1, {}, ""});
    ASSERT_FALSE(created);
    EXPECT_NE(created.error().message.find("database is locked"), std::string::npos);
    auto writer = store.metricsWriter(1, 1);
    EXPECT_FALSE(writer->add(StepMetric{1, 0, 1, 1, 1, {}, {}}));
    EXPECT_EQ(writer->pending(), 1u);  // kept for a retry
    ASSERT_TRUE(holder.exec("ROLLBACK"));
    EXPECT_TRUE(writer->flush());
    EXPECT_EQ(store.trainingLog().steps(1).value().size(), 1u);
}

TEST(Reliability, NotADatabaseAndMissingFolderAreClearErrors) {
    TempDir dir;
    const fs::path junk = dir.write("experiments.db", "this is a CSV file, not SQLite\n");
    Result<ExperimentStore> notDb = ExperimentStore::open(junk.string());
    ASSERT_FALSE(notDb);
    EXPECT_NE(notDb.error().message.find(junk.string()), std::string::npos);
    EXPECT_NE(notDb.error().message.find("it is not a database"), std::string::npos)
        << notDb.error().message;
    EXPECT_EQ(fileBytes(junk), "this is a CSV file, not SQLite\n");
    EXPECT_FALSE(fs::exists(junk.string() + "-wal"));

    Result<ExperimentStore> noFolder =
        ExperimentStore::open((dir.path() / "missing" / "e.db").string());
    ASSERT_FALSE(noFolder);
    EXPECT_NE(noFolder.error().message.find("the folder " + (dir.path() / "missing").string() +
                                            " does not exist"),
              std::string::npos);
}

// The GUI reads (its own connection, its own thread) while a training worker writes.
TEST(Reliability, ReaderSeesNoErrorWhileAWriterWrites) {
    TempDir dir;
    const fs::path path = makeDatabase(dir);
    std::atomic<bool> done{false};
    std::atomic<int> writerErrors{0};
    std::thread writer([&] {
        ExperimentStore store = test::openStore(path);
        const std::int64_t id = test::addRun(store, "training", "hybrid", 3);
        if (!store.runs().start(id)) ++writerErrors;
        auto metrics = store.metricsWriter(id, 25);
        for (int step = 1; step <= 3000; ++step) {
            if (!metrics->add(StepMetric{step, step / 1000.0, 1.0 / step, 3e-5, 500, {}, {}}))
                ++writerErrors;
            if (step % 500 == 0) {
                if (!store.runs().heartbeat(id)) ++writerErrors;
                if (!store.results().record(id, {test::cell("Mo", "all", "all", step / 3000.0)}))
                    ++writerErrors;
            }
        }
        if (!metrics->flush() || !store.runs().finish(id)) ++writerErrors;
        done = true;
    });
    ExperimentStore reader = test::openStore(path);
    int reads = 0, readerErrors = 0;
    std::int64_t lastSeen = 0;
    bool monotone = true;
    while (!done || reads == 0) {
        Result<std::vector<RunListing>> runs = reader.runs().list();
        Result<std::vector<StepMetric>> steps = reader.trainingLog().steps(2);
        Result<std::vector<EvalCell>> cells = reader.results().matrix(2);
        if (!runs || !steps || !cells) {
            ++readerErrors;
            continue;
        }
        const std::int64_t seen = steps.value().empty() ? 0 : steps.value().back().step;
        monotone = monotone && seen >= lastSeen;
        lastSeen = seen;
        ++reads;
    }
    writer.join();
    EXPECT_EQ(writerErrors, 0);
    EXPECT_EQ(readerErrors, 0);
    EXPECT_TRUE(monotone);
    EXPECT_GT(reads, 1);
    EXPECT_EQ(reader.trainingLog().steps(2).value().size(), 3000u);
    EXPECT_EQ(reader.runs().get(2).value().status, RunStatus::Finished);
    EXPECT_EQ(integrity(reader), "ok");
}

/// Child process body: a fake trainer that logs steps and results until it is killed.
[[noreturn]] void fakeTrainer(const fs::path& path) {
    Result<ExperimentStore> opened = ExperimentStore::open(path.string());
    if (!opened) _exit(3);
    ExperimentStore& store = opened.value();
    Result<std::int64_t> id = store.runs().create(NewRun{"killed", "{}", "hybrid", 5, {}, ""});
    if (!id || !store.runs().start(id.value())) _exit(4);
    auto metrics = store.metricsWriter(id.value(), 16);
    std::vector<PerQueryValue> perQuery;
    for (int q = 0; q < 500; ++q)
        perQuery.push_back(test::perQuery("Mo", "de", "de", "q" + std::to_string(q), 0.5));
    for (std::int64_t step = 1;; ++step) {
        if (!metrics->add(StepMetric{step, 0, 1, 1, 1, {}, {}})) _exit(5);
        if (step % 64 == 0 &&
            !store.results().record(id.value(), {test::cell("Mo", "de", "de", 0.5)}, perQuery))
            _exit(6);
    }
}

// SIGKILL at several moments of a writing process (between and inside transactions): the file stays
// intact, the finished run is untouched, and the killed run is found interrupted at the next
// opening.
TEST(Reliability, SigkillDuringWritesLeavesAConsistentDatabase) {
    for (int delayMs : {0, 7, 60}) {
        TempDir dir;
        const fs::path path = makeDatabase(dir);
        const pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) fakeTrainer(path);
        {  // wait until the child is writing: its first batch of step metrics is committed
            StoreOptions readOnly;
            readOnly.mode = OpenMode::ReadOnly;
            ExperimentStore watcher = test::openStore(path, readOnly);
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (test::count(watcher, "SELECT count(*) FROM step_metrics") == 0 &&
                   std::chrono::steady_clock::now() < deadline)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
        ASSERT_EQ(kill(child, SIGKILL), 0);
        int status = 0;
        ASSERT_EQ(waitpid(child, &status, 0), child);  // reaped: its pid is no longer alive
        ASSERT_TRUE(WIFSIGNALED(status))
            << "the fake trainer ended by itself with " << WEXITSTATUS(status);

        ExperimentStore store = test::openStore(path);
        EXPECT_EQ(integrity(store), "ok") << "after " << delayMs << " ms";
        EXPECT_EQ(store.runs().get(1).value().status, RunStatus::Finished);
        EXPECT_DOUBLE_EQ(store.results().matrix(1).value().at(0).value, 0.5);
        EXPECT_EQ(store.interruptedAtOpen(), std::vector<std::int64_t>{2});
        EXPECT_EQ(store.runs().get(2).value().status, RunStatus::Interrupted);
        // Batches are all-or-nothing: 16 step rows per transaction, 500 per-query values per
        // record().
        EXPECT_EQ(test::count(store, "SELECT count(*) FROM step_metrics WHERE run_id = 2") % 16, 0);
        const auto values =
            store.results()
                .perQuery(2, {"xquad-r", eval::Setting::Mo, "de", "de"}, eval::Metric::Map)
                .value();
        EXPECT_TRUE(values.empty() || values.size() == 500u) << values.size();
    }
}

}  // namespace
}  // namespace mtrec::store
