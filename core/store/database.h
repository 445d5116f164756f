#pragma once

#include <cstdint>
#include <string>

#include "common/result.h"
#include "store/statement.h"

struct sqlite3;

namespace mtrec::store {

/// How a database file is opened. ReadWriteCreate creates a missing file (never a missing folder).
enum class OpenMode { ReadWriteCreate, ReadWrite, ReadOnly };

/// One SQLite connection (RAII over sqlite3*). Opening sets foreign_keys = ON and a busy timeout
/// and checks that the file is an SQLite database; it writes nothing to the file. enableWal() then
/// switches a writable connection to WAL (checked) with synchronous = NORMAL, which is safe against
/// a killed process (not against power loss for the last commits).
///
/// Thread-safety: a Database and its statements belong to one thread at a time. Use one connection
/// per thread; WAL lets one writer and many readers work at once.
class Database {
public:
    /// Opens `path`. Errors name the file: a missing folder, a missing file (unless
    /// ReadWriteCreate), a file that is not a database, a locked or read-only file. `busyTimeoutMs`
    /// is how long a statement waits for another connection's lock before failing with "database is
    /// locked".
    static Result<Database> open(const std::string& path, OpenMode mode, int busyTimeoutMs = 5000);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    /// Switches the journal to WAL and checks that SQLite agreed (a file that refuses WAL is an
    /// error). While another connection holds the file busy it retries up to the busy timeout.
    Status enableWal();

    /// Runs one or more ';'-separated statements that return no rows.
    Status exec(const std::string& sql);
    /// Prepares one statement. Malformed SQL is a programming error and throws SqlError; so do lock
    /// and I/O failures met later while stepping it (repositories turn SqlError into Error values).
    Statement prepare(const std::string& sql);
    /// Like exec(), but throws SqlError; for code that already runs under a repository's error
    /// guard.
    void run(const std::string& sql);

    std::int64_t lastInsertRowId() const;
    int changes() const;  ///< Rows changed by the last INSERT/UPDATE/DELETE.
    bool readOnly() const { return mode_ == OpenMode::ReadOnly; }
    const std::string& path() const { return path_; }
    sqlite3* handle() const { return db_; }

    /// "<path>: <sqlite message>" for the connection's last error.
    std::string lastError() const;

private:
    Database(sqlite3* db, std::string path, OpenMode mode);
    Status configure(int busyTimeoutMs);

    sqlite3* db_ = nullptr;  // owned; closed by the destructor
    std::string path_;
    OpenMode mode_ = OpenMode::ReadOnly;
    int busyTimeoutMs_ = 0;
};

/// A transaction (BEGIN IMMEDIATE, so a writer waits for the lock up front instead of failing
/// midway) that rolls back unless commit() is called. Nested use is not supported. Throws SqlError
/// on failure.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& db_;
    bool open_ = true;
};

}  // namespace mtrec::store
