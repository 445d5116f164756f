#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "store/experiment_store.h"
#include "test_support.h"

namespace mtrec::store::test {

/// The whole content of a file ("" when absent), to prove a failed opening changed nothing.
inline std::string fileBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// Opens (creating) a store; fails the test on error.
inline ExperimentStore openStore(const std::filesystem::path& path, StoreOptions options = {}) {
    Result<ExperimentStore> store = ExperimentStore::open(path.string(), options);
    if (!store) ADD_FAILURE() << store.error().message;
    return std::move(store).value();
}

inline std::int64_t addRun(ExperimentStore& store, const std::string& name,
                           const std::string& strategy, std::int64_t seed,
                           const std::string& config = "{}") {
    NewRun run;
    run.name = name;
    run.strategy = strategy;
    run.seed = seed;
    run.configJson = config;
    return store.runs().create(run).value();
}

/// A store whose clock the test moves by hand (`*now = ms`), starting at 1,000,000 ms.
struct ClockedStore {
    mtrec::test::TempDir dir;
    std::shared_ptr<std::int64_t> now = std::make_shared<std::int64_t>(1'000'000);
    ExperimentStore store = open();

    ExperimentStore open(std::int64_t timeoutMs = 60'000) {
        StoreOptions options;
        options.clock = [now = now] { return *now; };
        options.heartbeatTimeoutMs = timeoutMs;
        return openStore(dir.path() / "e.db", options);
    }
};

/// Rows of a table (any SQL count query).
inline std::int64_t count(ExperimentStore& store, const std::string& sql) {
    Statement query = store.database().prepare(sql);
    query.step();
    return query.int64(0);
}

/// The setting and measure of a name ("Mo", "map", ...); fails the test on an unknown name.
inline eval::Setting setting(const std::string& name) {
    const std::optional<eval::Setting> found = settingFromName(name);
    if (!found) ADD_FAILURE() << "no setting " << name;
    return found.value_or(eval::Setting::Mo);
}
inline Measure measure(const std::string& name) {
    const std::optional<Measure> found = measureFromName(name);
    if (!found) ADD_FAILURE() << "no measure " << name;
    return found.value_or(eval::Metric::Map);
}

inline CellKey key(const std::string& settingName, const std::string& q, const std::string& c,
                   const std::string& suite = "xquad-r") {
    return {suite, setting(settingName), q, c};
}

inline EvalCell cell(const std::string& settingName, const std::string& q, const std::string& c,
                     double value, const std::string& metric = "map",
                     const std::string& suite = "xquad-r") {
    return EvalCell{key(settingName, q, c, suite), measure(metric), value,
                    "trec_eval 10 " + metric + "; pool=" + c, std::nullopt};
}

inline PerQueryValue perQuery(const std::string& settingName, const std::string& q,
                              const std::string& c, const std::string& qid, double value,
                              const std::string& metric = "map") {
    return {key(settingName, q, c), measure(metric), qid, value};
}

}  // namespace mtrec::store::test
