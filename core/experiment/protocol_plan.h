#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "experiment/training_config.h"

namespace mtrec::experiment {

/// What a planned run is: a config trained from scratch, the same encoder evaluated as
/// initialised (a config with 0 steps), or the BM25 scorer on one suite.
enum class PlannedRunKind { Trained, Untrained, Bm25 };

/// One run of a protocol. A trained or untrained run is its config (every path absolute, the seed
/// and the tokenizer's seed set); a BM25 run is its suite, recorded as "bm25 on <suite>" with seed
/// 0 (BM25 draws nothing at random, so it runs once whatever the seeds).
struct PlannedRun {
    PlannedRunKind kind = PlannedRunKind::Trained;
    std::string name;  ///< the run's name in the store (the config's name for trained runs)
    std::uint64_t seed = 0;
    TrainingConfig config;        ///< Trained, Untrained
    EvaluationSuiteConfig suite;  ///< Bm25: the suite and its folder (absolute)

    /// "demo-hybrid, seed 13" or "bm25 on xquad-r".
    std::string label() const;
};

/// The runs of a protocol in the order they run (references first: untrained, BM25; then the
/// strategies, seed by seed), and what the protocol says about its suites.
struct ProtocolPlan {
    std::string protocol;  ///< "quick" or "paper"
    std::vector<PlannedRun> runs;
    std::vector<std::string> suites;  ///< the suites every run is evaluated on
    std::vector<std::string> notes;   ///< which suites were used, which left out and why
};

/// Shrinks a plan for tests: at most `maxSteps` optimizer steps a trained run (warm-up and the
/// validation interval shortened to fit), and only `evaluationLanguages` evaluated (empty: as the
/// configs say). The stored configs carry the change, so a rerun with the same scale matches.
struct PlanScale {
    std::optional<std::size_t> maxSteps;
    std::vector<std::string> evaluationLanguages;
};

struct QuickPlanOptions {
    std::filesystem::path configsDir;  ///< holds demo-<strategy>.json (resources/configs)
    /// Relative paths in the configs (resources/demo/...) resolve against it: the repository root.
    std::filesystem::path baseDir;
    std::uint64_t seed = 13;
    PlanScale scale;
};

struct PaperPlanOptions {
    std::filesystem::path configsDir;  ///< holds mlqa-<strategy>.json (resources/configs)
    /// The datasets folder (../shared/datasets's layout). The configs name their data under
    /// "../shared/datasets/"; those paths are moved under this root.
    std::filesystem::path dataRoot;
    std::filesystem::path baseDir;  ///< other relative paths in the configs resolve against it
    std::vector<std::uint64_t> seeds = {13, 14, 15};
    PlanScale scale;
};

/// The strategies of the quick demo, in table order.
inline const std::vector<std::string> kQuickStrategies = {"mono", "cross", "hybrid", "multitask"};

/// The quick demo: demo-untrained and BM25 on the demo suite as references, then demo-mono,
/// -cross, -hybrid and -multitask, one seed. An Error names a config that cannot be read.
Result<ProtocolPlan> quickPlan(const QuickPlanOptions& options);

/// The paper protocol: every mlqa-<strategy>.json of configsDir (mlqa-untrained.json as the
/// untrained reference), each with every seed, and BM25, evaluated zero-shot on XQuAD-R and, when
/// <dataRoot>/mlqa-r exists and shares no question with the training data, on MLQA-R. An Error
/// when the data is missing: it names the folder and where to get it.
Result<ProtocolPlan> paperPlan(const PaperPlanOptions& options);

/// Reads a config file for a plan: `seed` set (the tokenizer's too), paths under
/// "../shared/datasets" moved to `dataRoot` (when not empty), every path made absolute against
/// `baseDir`, `scale` applied. An Error names the file and each problem of its JSON.
Result<TrainingConfig> plannedConfig(const std::filesystem::path& file, std::uint64_t seed,
                                     const std::filesystem::path& dataRoot,
                                     const std::filesystem::path& baseDir, const PlanScale& scale);

}  // namespace mtrec::experiment
