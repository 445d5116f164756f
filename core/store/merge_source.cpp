#include "store/merge_source.h"

#include <sqlite3.h>

#include <cstdlib>
#include <utility>
#include <vector>

#include "store/schema.h"

namespace mtrec::store {

namespace fs = std::filesystem;

namespace {

/// A new private folder under the system's temporary folder; empty on failure.
fs::path makeTemporaryFolder() {
    std::error_code ec;
    const std::string pattern = (fs::temp_directory_path(ec) / "mtrec-merge-XXXXXX").string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    if (ec || !::mkdtemp(name.data())) return {};
    return fs::path(name.data());
}

/// Copies every page of `from` into `to` (both open) as one consistent snapshot.
Status backup(Database& from, Database& to) {
    sqlite3_backup* copy = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
    if (!copy) return Error{"cannot copy " + from.path() + ": " + to.lastError()};
    const int rc = sqlite3_backup_step(copy, -1);
    sqlite3_backup_finish(copy);
    if (rc != SQLITE_DONE)
        return Error{"cannot copy " + from.path() + ": " + sqlite3_errstr(rc)};
    return success();
}

}  // namespace

Result<MergeSource> MergeSource::open(const std::string& path) {
    Result<Database> file = Database::open(path, OpenMode::ReadOnly);
    if (!file) return file.error();
    Result<int> version = readSchemaVersion(file.value());
    if (!version) return version.error();
    MergeSource source(path, version.value());
    if (version.value() == 0)
        return Error{path + " holds no experiment store (it is an empty database)"};
    if (version.value() > kSchemaVersion)
        return Error{path + " has schema version " + std::to_string(version.value()) +
                     ", newer than this program reads (versions 1 to " +
                     std::to_string(kSchemaVersion) + "); merge it with a newer mtrec"};
    if (version.value() == kSchemaVersion) {
        source.db_ = std::make_unique<Database>(std::move(file).value());
        return source;
    }
    if (Status migrated = source.migrateCopy(file.value()); !migrated) return migrated.error();
    return source;
}

Status MergeSource::migrateCopy(Database& file) {
    copyDir_ = makeTemporaryFolder();
    if (copyDir_.empty())
        return Error{"cannot make a temporary folder to migrate a copy of " + path_};
    Result<Database> copy = Database::open((copyDir_ / "source.db").string(),
                                           OpenMode::ReadWriteCreate);
    if (!copy) return copy.error();
    if (Status copied = backup(file, copy.value()); !copied) return copied.error();
    if (Status updated = updateDb(copy.value(), foundVersion_); !updated)
        return Error{"cannot read " + path_ + " (schema version " + std::to_string(foundVersion_) +
                     "): migrating a copy failed: " + updated.error().message};
    db_ = std::make_unique<Database>(std::move(copy).value());
    return success();
}

MergeSource::MergeSource(MergeSource&& other) noexcept
    : path_(std::move(other.path_)),
      foundVersion_(other.foundVersion_),
      db_(std::move(other.db_)),
      copyDir_(std::exchange(other.copyDir_, fs::path())) {}

MergeSource::~MergeSource() {
    db_.reset();  // close the copy before removing it
    std::error_code ec;
    if (!copyDir_.empty()) fs::remove_all(copyDir_, ec);
}

}  // namespace mtrec::store
