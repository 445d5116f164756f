#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace mtrec::store {

/// An SQLite failure inside the store: a lock held past the busy timeout, a read-only or full disk,
/// a corrupt file, or malformed SQL. Thrown by Statement and Transaction; every public repository
/// function catches it and returns it as an Error, so callers outside core/store never see it.
class SqlError : public std::runtime_error {
public:
    SqlError(const std::string& message, int code) : std::runtime_error(message), code_(code) {}
    int code() const { return code_; }  ///< The primary SQLite result code (SQLITE_BUSY, ...).

private:
    int code_;
};

/// One prepared statement (RAII over sqlite3_stmt*), owned by the caller and valid while its
/// Database lives. Parameters are 1-based, columns 0-based. Not thread-safe.
class Statement {
public:
    Statement(sqlite3* db, const std::string& sql, const std::string& dbPath);
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const std::string& value);
    Statement& bind(int index, const char* value) { return bind(index, std::string(value)); }
    Statement& bindNull(int index);
    /// Binds the value of `column` of `row`'s current row as it is (type and bytes), e.g. to copy
    /// a row between databases.
    Statement& bindColumn(int index, const Statement& row, int column);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }

    /// Advances to the next row: true while there is one, false when done. Throws SqlError.
    bool step();
    /// Runs a statement that returns no rows (step once, must be done). Throws SqlError.
    void run();
    /// Clears bindings and rewinds, ready to bind and run again.
    void reset();

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::optional<std::int64_t> optionalInt64(int column) const;
    std::optional<double> optionalReal(int column) const;
    std::optional<std::string> optionalText(int column) const;

private:
    [[noreturn]] void fail(int code, const std::string& what) const;

    sqlite3* db_ = nullptr;         // not owned
    sqlite3_stmt* stmt_ = nullptr;  // owned
    std::string sql_;
    std::string dbPath_;
};

}  // namespace mtrec::store
