#include "store/row_copy.h"

#include <algorithm>

namespace mtrec::store {

namespace {

std::string joined(const std::vector<std::string>& names, const std::string& prefix = "") {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i ? ", " : "") + prefix + (prefix.empty() ? names[i] : std::to_string(i + 1));
    return out;
}

std::vector<std::string> withoutColumn(std::vector<std::string> columns, const std::string& name) {
    columns.erase(std::remove(columns.begin(), columns.end(), name), columns.end());
    return columns;
}

}  // namespace

std::vector<std::string> tableColumns(Database& db, const std::string& table) {
    Statement query = db.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
    query.bind(1, table);
    std::vector<std::string> columns;
    while (query.step()) columns.push_back(query.text(0));
    return columns;
}

RowCopy::RowCopy(Database& source, Database& target, const std::string& table,
                 const std::string& key, const std::string& ownId)
    : target_(target),
      columns_(withoutColumn(tableColumns(target, table), ownId)),
      hasOwnId_(!ownId.empty()),
      select_(source.prepare("SELECT " + (ownId.empty() ? "" : ownId + ", ") + joined(columns_) +
                             " FROM " + table + " WHERE " + key + " = ?1")),
      insert_(target.prepare("INSERT INTO " + table + "(" + joined(columns_) + ") VALUES (" +
                             joined(columns_, "?") + ")")) {
    if (columns_.empty()) throw SqlError(target.path() + ": no table " + table, 1);
    keyIndex_ = std::find(columns_.begin(), columns_.end(), key) - columns_.begin();
}

std::size_t RowCopy::copy(std::int64_t oldKey, std::int64_t newKey, const Copied& copied,
                          const Overrides& overrides) {
    select_.reset();
    select_.bind(1, oldKey);
    const int first = hasOwnId_ ? 1 : 0;
    std::size_t rows = 0;
    while (select_.step()) {
        insert_.reset();
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            const int index = static_cast<int>(i) + 1;
            const auto replaced = overrides.find(columns_[i]);
            if (i == keyIndex_)
                insert_.bind(index, newKey);
            else if (replaced != overrides.end())
                insert_.bind(index, replaced->second);
            else
                insert_.bindColumn(index, select_, first + static_cast<int>(i));
        }
        insert_.run();
        if (copied && hasOwnId_) copied(select_.int64(0), target_.lastInsertRowId());
        ++rows;
    }
    return rows;
}

}  // namespace mtrec::store
