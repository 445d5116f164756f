#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "common/result.h"
#include "store/database.h"

namespace mtrec::store {

/// A store opened to be merged from, never written. A file of the current schema version is read
/// through a read-only connection; one of an older version is copied (SQLite's backup API, from a
/// read-only connection) into a temporary folder and the copy migrated, so the merge reads the
/// current shape either way. The temporary copy is removed with the object.
class MergeSource {
public:
    /// Errors name the file: missing, a folder, not an SQLite database, damaged (see
    /// database_file_check.h), not an mTREC store, empty, or of a newer schema version than this
    /// program knows (both versions named).
    static Result<MergeSource> open(const std::string& path);

    MergeSource(MergeSource&& other) noexcept;
    MergeSource& operator=(MergeSource&&) = delete;
    MergeSource(const MergeSource&) = delete;
    MergeSource& operator=(const MergeSource&) = delete;
    ~MergeSource();

    Database& database() { return *db_; }
    const std::string& path() const { return path_; }
    int foundVersion() const { return foundVersion_; }

private:
    MergeSource(std::string path, int foundVersion)
        : path_(std::move(path)), foundVersion_(foundVersion) {}
    Status migrateCopy(Database& file);

    std::string path_;  // as given
    int foundVersion_ = 0;
    std::unique_ptr<Database> db_;  // the file itself, or the migrated copy
    std::filesystem::path copyDir_;  // the copy's temporary folder; empty when reading the file
};

}  // namespace mtrec::store
