#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
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

/// Rows of a table (any SQL count query).
inline std::int64_t count(ExperimentStore& store, const std::string& sql) {
    Statement query = store.database().prepare(sql);
    query.step();
    return query.int64(0);
}

inline EvalCell cell(const std::string& setting, const std::string& q, const std::string& c,
                     double value, const std::string& metric = "map",
                     const std::string& suite = "xquad-r") {
    return EvalCell{
        {suite, setting, q, c}, metric, value, "trec_eval 10 " + metric + "; pool=" + c};
}

}  // namespace mtrec::store::test
