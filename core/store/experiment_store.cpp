#include "store/experiment_store.h"

#include "store/process_identity.h"
#include "store/schema.h"
#include "store/sql_guard.h"

namespace mtrec::store {

Result<ExperimentStore> ExperimentStore::open(const std::string& path,
                                              const StoreOptions& options) {
    Result<Database> opened = Database::open(path, options.mode, options.busyTimeoutMs);
    if (!opened) return opened.error();
    auto db = std::make_unique<Database>(std::move(opened).value());

    // Refuse what this binary cannot handle before anything (even the switch to WAL) writes to the
    // file.
    Result<int> version = readSchemaVersion(*db);
    if (!version) return version.error();
    const bool writable = options.mode != OpenMode::ReadOnly;
    if (writable && version.value() <= kSchemaVersion) {
        if (Status wal = db->enableWal(); !wal) return wal.error();
    }
    Result<int> migrated = migrate(*db);
    if (!migrated) return migrated.error();

    ExperimentStore store(std::move(db), options.clock ? options.clock : Clock(systemNowMs));
    store.foundVersion_ = migrated.value();
    if (writable) {
        Result<std::vector<std::int64_t>> marked =
            store.runs().markInterrupted(options.heartbeatTimeoutMs);
        if (!marked) return marked.error();
        store.interrupted_ = std::move(marked).value();
    }
    return store;
}

Result<std::int64_t> ExperimentStore::createExperiment(const std::string& name,
                                                       const std::string& description,
                                                       const std::string& configJson) {
    return guarded<Result<std::int64_t>>([&]() -> Result<std::int64_t> {
        db_->prepare(
               "INSERT INTO experiments(name, description, config_json, created_at) "
               "VALUES (?1, ?2, ?3, ?4)")
            .bind(1, name)
            .bind(2, description)
            .bind(3, configJson)
            .bind(4, clock_())
            .run();
        return db_->lastInsertRowId();
    });
}

Result<std::vector<ExperimentRecord>> ExperimentStore::experiments() {
    return guarded<
        Result<std::vector<ExperimentRecord>>>([&]() -> Result<std::vector<ExperimentRecord>> {
        Statement query = db_->prepare(
            "SELECT id, name, description, config_json, created_at FROM experiments ORDER BY id");
        std::vector<ExperimentRecord> out;
        while (query.step())
            out.push_back(
                {query.int64(0), query.text(1), query.text(2), query.text(3), query.int64(4)});
        return out;
    });
}

}  // namespace mtrec::store
