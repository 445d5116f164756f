// Damaged database files (issue 12, item 5): a store cut off mid-page or at a page boundary, and a
// file that is not a database, are refused at opening with a message naming the file and the
// damage, and are never written to: their bytes are the same after the attempt and no -wal or
// -shm file appears beside them.
#include <gtest/gtest.h>

#include <filesystem>

#include "store/database_file_check.h"
#include "store_test_support.h"

namespace mtrec::store {
namespace {

namespace fs = std::filesystem;
using mtrec::test::TempDir;
using test::fileBytes;

constexpr std::uintmax_t kPage = 4096;  // SQLite's default page size

/// A closed store of a few runs (WAL checkpointed into the file, no -wal left), `pages` long.
fs::path closedStore(const TempDir& dir, std::uintmax_t& pages) {
    const fs::path path = dir.path() / "e.db";
    {
        ExperimentStore store = test::openStore(path);
        for (int i = 0; i < 40; ++i) test::addRun(store, "run " + std::to_string(i), "mono", i);
    }
    EXPECT_FALSE(fs::exists(path.string() + "-wal"));
    pages = fs::file_size(path) / kPage;
    EXPECT_EQ(fs::file_size(path) % kPage, 0u);
    return path;
}

/// Opens `path` for writing as every writer does, expects the error `message`, and checks that the
/// file is byte for byte what it was and that no -wal or -shm file was made.
void expectRefusedUnchanged(const fs::path& path, const std::string& message) {
    const std::string before = fileBytes(path);
    Result<ExperimentStore> opened = ExperimentStore::open(path.string());
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().message, message);
    EXPECT_EQ(fileBytes(path), before);
    EXPECT_FALSE(fs::exists(path.string() + "-wal"));
    EXPECT_FALSE(fs::exists(path.string() + "-shm"));
}

TEST(DamagedDatabase, TruncatedMidPageIsRefusedUnchanged) {
    TempDir dir;
    std::uintmax_t pages = 0;
    const fs::path path = closedStore(dir, pages);
    ASSERT_GE(pages, 3u);
    fs::resize_file(path, 2 * kPage + 1000);
    expectRefusedUnchanged(path, "cannot open database " + path.string() +
                                     ": it is truncated mid-page (9192 bytes is not a whole "
                                     "number of 4096-byte pages); it was not changed");
}

TEST(DamagedDatabase, TruncatedAtAPageBoundaryIsRefusedUnchanged) {
    TempDir dir;
    std::uintmax_t pages = 0;
    const fs::path path = closedStore(dir, pages);
    fs::resize_file(path, 2 * kPage);
    expectRefusedUnchanged(path, "cannot open database " + path.string() +
                                     ": it is truncated (2 pages of the " + std::to_string(pages) +
                                     " its header records); it was not changed");
}

TEST(DamagedDatabase, TextFileIsRefusedUnchanged) {
    TempDir dir;
    const fs::path path = dir.write("runs.db", "run,map\nhybrid,0.5\n");
    expectRefusedUnchanged(path, "cannot open database " + path.string() +
                                     ": it is not a database (it does not start with the SQLite "
                                     "header); it was not changed");
}

TEST(DamagedDatabase, HeaderAloneIsTruncated) {
    TempDir dir;
    const fs::path path = dir.write("short.db", std::string("SQLite format 3\0abc", 19));
    expectRefusedUnchanged(path, "cannot open database " + path.string() +
                                     ": it is truncated (19 bytes, shorter than the 100-byte "
                                     "SQLite header); it was not changed");
}

TEST(DamagedDatabase, WholeStoreAndEmptyFilePassTheCheck) {
    TempDir dir;
    std::uintmax_t pages = 0;
    const fs::path path = closedStore(dir, pages);
    EXPECT_TRUE(checkDatabaseFile(path.string()));
    EXPECT_TRUE(checkDatabaseFile(dir.write("empty.db", "").string()));
    EXPECT_TRUE(checkDatabaseFile((dir.path() / "missing.db").string()));
}

}  // namespace
}  // namespace mtrec::store
