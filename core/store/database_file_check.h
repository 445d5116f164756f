#pragma once

#include <string>

#include "common/result.h"

namespace mtrec::store {

/// Checks, from the file's own bytes and before SQLite opens it, that an existing database file is
/// whole: it starts with the SQLite header, its size is a whole number of pages, and it is not
/// shorter than the page count its header records (when SQLite marks that count valid and no
/// -wal or -journal file shows a connection at work, which may extend the file). A file
/// cut off mid-page, or one that is not a database at all, would otherwise be opened, and the
/// first write (marking dead runs interrupted, the switch to WAL) could change it. A missing or
/// empty file passes (it becomes a new database). Damage inside whole pages (a flipped bit) is
/// not seen here; SQLite reports it when the page is read ("database disk image is malformed").
/// Errors name the file, say what is wrong, and that the file was not changed.
Status checkDatabaseFile(const std::string& path);

}  // namespace mtrec::store
