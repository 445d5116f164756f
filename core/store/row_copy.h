#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace mtrec::store {

/// Copies the rows of one table from a source database into a target of the same shape: the rows
/// whose `key` column holds a value, written with another value there (a run or cell id remapped).
/// Every column of the target's table is copied with its type and bytes, so a column a later
/// schema adds is carried without change here. `ownId` names the table's INTEGER PRIMARY KEY, which
/// the target assigns anew (empty: the table has none). Both statements are prepared once; the
/// object must not outlive either database. Throws SqlError.
class RowCopy {
public:
    RowCopy(Database& source, Database& target, const std::string& table, const std::string& key,
            const std::string& ownId = "");

    using Copied = std::function<void(std::int64_t oldId, std::int64_t newId)>;
    using Overrides = std::map<std::string, std::optional<std::int64_t>>;

    /// Copies the rows with key = `oldKey`, writing `newKey` (not when the key is the own id) and
    /// the values of `overrides` (column -> value, nullopt: NULL). Calls `copied` for each row of a
    /// table with an own id. Returns the rows copied.
    std::size_t copy(std::int64_t oldKey, std::int64_t newKey, const Copied& copied = {},
                     const Overrides& overrides = {});

private:
    Database& target_;
    std::vector<std::string> columns_;  // inserted, in order; the own id is not among them
    bool hasOwnId_ = false;
    std::size_t keyIndex_ = 0;  // of the key in columns_; columns_.size() when it is the own id
    Statement select_;  // [own id,] columns_ of the rows with the key
    Statement insert_;
};

/// The columns of `table` in `db`, in their order.
std::vector<std::string> tableColumns(Database& db, const std::string& table);

}  // namespace mtrec::store
