#include "store/database.h"

#include "store/database_file_check.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>
#include <utility>

namespace mtrec::store {

namespace fs = std::filesystem;

namespace {

/// True when the file may be written: the process has write access and the permission bits allow
/// it. The bits are checked too so that a file marked read-only is respected even by root.
bool writable(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return false;
    return ::access(path.c_str(), W_OK) == 0 && (info.st_mode & 0222) != 0;
}

/// Checks what can be checked before SQLite touches the file.
Status checkPath(const std::string& path, OpenMode mode) {
    const fs::path file(path);
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        return Error{"cannot open database " + path + ": the folder " + folder.string() +
                     " does not exist"};
    if (!fs::exists(file, ec)) {
        if (mode == OpenMode::ReadWriteCreate) return success();
        return Error{"no database at " + path + " (the file does not exist)"};
    }
    if (fs::is_directory(file, ec))
        return Error{"cannot open database " + path + ": it is a folder, not a file"};
    if (mode != OpenMode::ReadOnly && !writable(path))
        return Error{"cannot open database " + path +
                     " for writing: the file is read-only (it was not changed)"};
    return checkDatabaseFile(path);
}

int openFlags(OpenMode mode) {
    switch (mode) {
        case OpenMode::ReadWriteCreate:
            return SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        case OpenMode::ReadWrite:
            return SQLITE_OPEN_READWRITE;
        case OpenMode::ReadOnly:
            return SQLITE_OPEN_READONLY;
    }
    return SQLITE_OPEN_READONLY;
}

}  // namespace

Result<Database> Database::open(const std::string& path, OpenMode mode, int busyTimeoutMs) {
    if (Status checked = checkPath(path, mode); !checked) return checked.error();
    sqlite3* handle = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &handle, openFlags(mode), nullptr);
    Database db(handle, path, mode);  // owns the handle even when opening failed
    if (rc != SQLITE_OK) return Error{"cannot open database " + db.lastError()};
    sqlite3_extended_result_codes(handle, 1);
    if (Status configured = db.configure(busyTimeoutMs); !configured) return configured.error();
    return db;
}

Database::Database(sqlite3* db, std::string path, OpenMode mode)
    : db_(db), path_(std::move(path)), mode_(mode) {}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      mode_(other.mode_),
      busyTimeoutMs_(other.busyTimeoutMs_) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
        mode_ = other.mode_;
        busyTimeoutMs_ = other.busyTimeoutMs_;
    }
    return *this;
}

Database::~Database() {
    sqlite3_close_v2(db_);
}

Status Database::configure(int busyTimeoutMs) {
    busyTimeoutMs_ = busyTimeoutMs;
    sqlite3_busy_timeout(db_, busyTimeoutMs);
    // Reading the schema is the first access to the file: a file that is not a database fails here,
    // before anything could be written to it.
    if (Status read = exec("SELECT count(*) FROM sqlite_master"); !read)
        return Error{"cannot open database " + read.error().message};
    if (Status fk = exec("PRAGMA foreign_keys = ON"); !fk) return fk.error();
    try {
        Statement check = prepare("PRAGMA foreign_keys");
        if (!check.step() || check.int64(0) != 1)
            return Error{path_ + ": SQLite refused to enable foreign keys"};
    } catch (const SqlError& e) {
        return Error{e.what()};
    }
    return success();
}

Status Database::enableWal() {
    // SQLite answers SQLITE_BUSY at once, without the busy handler, when the journal mode is
    // switched while another connection writes the file (trainings opening a new database
    // together): retried here for as long as the busy timeout.
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(busyTimeoutMs_);
    for (;;) {
        try {
            Statement mode = prepare("PRAGMA journal_mode = WAL");
            const std::string journal = mode.step() ? mode.text(0) : std::string();
            if (journal != "wal")
                return Error{path_ + ": could not switch the journal to WAL (SQLite kept '" +
                             journal + "')"};
            run("PRAGMA synchronous = NORMAL");
            return success();
        } catch (const SqlError& e) {
            if (e.code() != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline)
                return Error{e.what()};
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

Status Database::exec(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return success();
    std::string text = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    if ((rc & 0xff) == SQLITE_NOTADB) text += " (it is not an SQLite database; it was not changed)";
    if ((rc & 0xff) == SQLITE_BUSY)
        text += " (another process or connection holds a lock on it longer than the busy timeout)";
    if ((rc & 0xff) == SQLITE_READONLY) text += " (the file or its folder cannot be written)";
    return Error{path_ + ": " + text};
}

Statement Database::prepare(const std::string& sql) {
    return Statement(db_, sql, path_);
}

void Database::run(const std::string& sql) {
    Status status = exec(sql);
    if (!status) throw SqlError(status.error().message, sqlite3_errcode(db_) & 0xff);
}

std::int64_t Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(db_);
}

int Database::changes() const {
    return sqlite3_changes(db_);
}

std::string Database::lastError() const {
    return path_ + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory");
}

Transaction::Transaction(Database& db) : db_(db) {
    db_.run("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    // A failed rollback cannot be reported from a destructor; SQLite rolls back on close anyway.
    if (open_) static_cast<void>(db_.exec("ROLLBACK"));
}

void Transaction::commit() {
    db_.run("COMMIT");
    open_ = false;
}

}  // namespace mtrec::store
