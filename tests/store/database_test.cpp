#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "store/database.h"
#include "store_test_support.h"

namespace mtrec::store {
namespace {

using mtrec::test::TempDir;
using test::fileBytes;

TEST(Database, CreatesAFileWithForeignKeysOnAndSwitchesToWal) {
    TempDir dir;
    const std::string path = (dir.path() / "a.db").string();
    Result<Database> db = Database::open(path, OpenMode::ReadWriteCreate);
    ASSERT_TRUE(db) << db.error().message;
    Statement fk = db.value().prepare("PRAGMA foreign_keys");
    ASSERT_TRUE(fk.step());
    EXPECT_EQ(fk.int64(0), 1);
    ASSERT_TRUE(db.value().enableWal());
    Statement mode = db.value().prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.text(0), "wal");
}

TEST(Database, MissingFolderIsAnErrorNamingTheFolder) {
    TempDir dir;
    const auto path = dir.path() / "no-such-folder" / "e.db";
    Result<Database> db = Database::open(path.string(), OpenMode::ReadWriteCreate);
    ASSERT_FALSE(db);
    EXPECT_NE(db.error().message.find("folder " + (dir.path() / "no-such-folder").string() +
                                      " does not exist"),
              std::string::npos)
        << db.error().message;
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "no-such-folder"));
}

TEST(Database, MissingFileIsAnErrorWithoutCreate) {
    TempDir dir;
    const auto path = dir.path() / "e.db";
    Result<Database> db = Database::open(path.string(), OpenMode::ReadWrite);
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().message, "no database at " + path.string() + " (the file does not exist)");
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(Database, FileThatIsNotADatabaseIsRefusedUnchanged) {
    TempDir dir;
    const std::string text = "qid Q0 docno rank score run\n" + std::string(5000, 'x');
    const auto path = dir.write("notes.db", text);
    Result<Database> db = Database::open(path.string(), OpenMode::ReadWrite);
    ASSERT_FALSE(db);
    EXPECT_NE(db.error().message.find(path.string()), std::string::npos);
    EXPECT_NE(db.error().message.find("not a database"), std::string::npos) << db.error().message;
    EXPECT_EQ(fileBytes(path), text);
}

TEST(Database, FolderInPlaceOfTheFileIsAnError) {
    TempDir dir;
    std::filesystem::create_directory(dir.path() / "e.db");
    Result<Database> db = Database::open((dir.path() / "e.db").string(), OpenMode::ReadWriteCreate);
    ASSERT_FALSE(db);
    EXPECT_NE(db.error().message.find("it is a folder"), std::string::npos);
}

TEST(Database, TransactionRollsBackUnlessCommitted) {
    TempDir dir;
    Database db = Database::open((dir.path() / "t.db").string(), OpenMode::ReadWriteCreate).value();
    ASSERT_TRUE(db.exec("CREATE TABLE t(x INTEGER)"));
    {
        Transaction transaction(db);
        db.prepare("INSERT INTO t VALUES (?1)").bind(1, 5).run();
    }
    {
        Transaction transaction(db);
        db.prepare("INSERT INTO t VALUES (?1)").bind(1, 7).run();
        transaction.commit();
    }
    Statement sum = db.prepare("SELECT count(*), sum(x) FROM t");
    ASSERT_TRUE(sum.step());
    EXPECT_EQ(sum.int64(0), 1);
    EXPECT_EQ(sum.int64(1), 7);
}

TEST(Database, MalformedSqlThrowsSqlErrorNamingTheFile) {
    TempDir dir;
    const std::string path = (dir.path() / "t.db").string();
    Database db = Database::open(path, OpenMode::ReadWriteCreate).value();
    try {
        db.prepare("SELEC 1");
        FAIL() << "no exception";
    } catch (const SqlError& e) {
        EXPECT_EQ(std::string(e.what()).rfind(path + ": near \"SELEC\"", 0), 0u) << e.what();
    }
}

TEST(Database, OptionalColumnsReadNullAsNullopt) {
    TempDir dir;
    Database db = Database::open((dir.path() / "t.db").string(), OpenMode::ReadWriteCreate).value();
    Statement row = db.prepare("SELECT NULL, 3, 2.5, 'x'");
    ASSERT_TRUE(row.step());
    EXPECT_FALSE(row.optionalInt64(0).has_value());
    EXPECT_EQ(row.optionalInt64(1), 3);
    EXPECT_EQ(row.optionalReal(2), 2.5);
    EXPECT_EQ(row.optionalText(3), "x");
}

}  // namespace
}  // namespace mtrec::store

namespace mtrec::store {
namespace {

// Trainings opening one new database together: while one still writes the file in its first
// (rollback-journal) transaction, another's switch to WAL reads it and then needs the write lock,
// which SQLite refuses at once, without the busy handler. The switch must wait for the writer
// instead of failing with "database is locked".
TEST(Database, SwitchToWalWaitsForAWriterInsteadOfFailing) {
    TempDir dir;
    const std::string path = (dir.path() / "e.db").string();
    Database late = Database::open(path, OpenMode::ReadWriteCreate).value();
    Database writer = Database::open(path, OpenMode::ReadWriteCreate).value();
    ASSERT_TRUE(writer.exec("CREATE TABLE t(x); BEGIN IMMEDIATE; INSERT INTO t VALUES (1)"));
    std::thread commitLater([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        static_cast<void>(writer.exec("COMMIT"));
    });
    const Status switched = late.enableWal();
    commitLater.join();
    EXPECT_TRUE(switched) << switched.error().message;
}

}  // namespace
}  // namespace mtrec::store
