#include "store/statement.h"

#include <sqlite3.h>

#include <utility>

namespace mtrec::store {

namespace {

/// What an SQLite failure means for the person reading the message.
std::string explain(int code) {
    switch (code & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return " (another process or connection holds a lock on it longer than the busy "
                   "timeout)";
        case SQLITE_READONLY:
            return " (the file or its folder cannot be written)";
        case SQLITE_FULL:
            return " (the disk is full)";
        case SQLITE_NOTADB:
            return " (it is not an SQLite database)";
        case SQLITE_CORRUPT:
            return " (the file is damaged)";
        case SQLITE_CANTOPEN:
            return " (the file cannot be opened)";
        default:
            return {};
    }
}

std::string shorten(const std::string& sql) {
    std::string one = sql.substr(0, 80);
    for (char& c : one)
        if (c == '\n') c = ' ';
    return sql.size() > 80 ? one + "..." : one;
}

}  // namespace

Statement::Statement(sqlite3* db, const std::string& sql, const std::string& dbPath)
    : db_(db), sql_(sql), dbPath_(dbPath) {
    const int rc =
        sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) fail(rc, "prepare");
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_),
      stmt_(std::exchange(other.stmt_, nullptr)),
      sql_(std::move(other.sql_)),
      dbPath_(std::move(other.dbPath_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        db_ = other.db_;
        stmt_ = std::exchange(other.stmt_, nullptr);
        sql_ = std::move(other.sql_);
        dbPath_ = std::move(other.dbPath_);
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

void Statement::fail(int code, const std::string& what) const {
    throw SqlError(dbPath_ + ": " + sqlite3_errmsg(db_) + explain(code) + " [" + what + ": " +
                       shorten(sql_) + "]",
                   code & 0xff);
}

Statement& Statement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) fail(rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    const int rc = sqlite3_bind_double(stmt_, index, value);
    if (rc != SQLITE_OK) fail(rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, const std::string& value) {
    const int rc = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                                     SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(rc, "bind");
    return *this;
}

Statement& Statement::bindNull(int index) {
    const int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) fail(rc, "bind");
    return *this;
}

Statement& Statement::bindColumn(int index, const Statement& row, int column) {
    const int rc = sqlite3_bind_value(stmt_, index, sqlite3_column_value(row.stmt_, column));
    if (rc != SQLITE_OK) fail(rc, "bind");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const int code = sqlite3_extended_errcode(db_);
    sqlite3_reset(stmt_);
    fail(code, "step");
}

void Statement::run() {
    if (step())
        throw SqlError(dbPath_ + ": statement returned rows: " + shorten(sql_), SQLITE_MISUSE);
    sqlite3_reset(stmt_);
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const {
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (!data) return {};
    return std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const {
    if (isNull(column)) return std::nullopt;
    return int64(column);
}

std::optional<double> Statement::optionalReal(int column) const {
    if (isNull(column)) return std::nullopt;
    return real(column);
}

std::optional<std::string> Statement::optionalText(int column) const {
    if (isNull(column)) return std::nullopt;
    return text(column);
}

}  // namespace mtrec::store
