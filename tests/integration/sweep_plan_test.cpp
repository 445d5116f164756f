// planSweep / expandGrid / slurmScript: a grid expanded into hand-counted, named configs, each
// checked as mtrec train checks it; a bad value refused at its grid path; the Slurm array script.
#include <gtest/gtest.h>

#include <fstream>

#include "experiment/sweep_grid.h"
#include "experiment/sweep_plan.h"
#include "test_support.h"
#include "train_fixture.h"

namespace mtrec::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class SweepPlanning : public ::testing::Test {
protected:
    void SetUp() override {
        writeTinyQaCorpus(dir_.path() / "qa");
        dir_.write("base.json", tinyTrainingConfig(dir_.path() / "qa").dump(2));
    }

    /// Writes the grid {"base": "base.json", "name": "grid", ...fields} and returns its path.
    fs::path grid(json fields) {
        fields["base"] = "base.json";
        fields["name"] = "grid";
        return dir_.write("grid.json", fields.dump(2));
    }

    /// Two hybrid alphas and mono, two learning rates, two seeds: 2*2*2 + 1*2*2 = 12 configs.
    json twelve() const {
        return {{"strategies", {{{"name", "hybrid"}, {"alpha", {0.25, 0.75}}}, {{"name", "mono"}}}},
                {"seeds", {1, 2}},
                {"set", {{"$.optimizer.lr", {0.001, 0.002}}}}};
    }

    TempDir dir_;
    fs::path sweep_ = dir_.path() / "sweep";
};

TEST_F(SweepPlanning, TheGridExpandsToItsCartesianProductInOrder) {
    const auto expanded =
        experiment::expandGrid(experiment::readSweepGrid(grid(twelve())).value()).value();
    ASSERT_EQ(expanded.size(), 12u);
    EXPECT_EQ(expanded[0].label, "hybrid-alpha0.25-lr0.001-s1");
    EXPECT_EQ(expanded[1].label, "hybrid-alpha0.25-lr0.001-s2");  // seeds vary fastest
    EXPECT_EQ(expanded[3].label, "hybrid-alpha0.25-lr0.002-s2");
    EXPECT_EQ(expanded[4].label, "hybrid-alpha0.75-lr0.001-s1");
    EXPECT_EQ(expanded[8].label, "mono-lr0.001-s1");
    EXPECT_EQ(expanded[11].label, "mono-lr0.002-s2");
    EXPECT_EQ(expanded[5].name, "grid-hybrid-alpha0.75-lr0.001-s2");
    EXPECT_EQ(expanded[5].config["name"], "grid-hybrid-alpha0.75-lr0.001-s2");
    EXPECT_EQ(expanded[5].config["strategy"]["alpha"], 0.75);
    EXPECT_EQ(expanded[5].config["optimizer"]["lr"], 0.001);
    EXPECT_EQ(expanded[5].config["seed"], 2);
    // mono keeps the base's batch size and drops hybrid's alpha, which it does not read.
    EXPECT_EQ(expanded[8].config["strategy"], json({{"name", "mono"}, {"batch_size", 8}}));
}

TEST_F(SweepPlanning, EveryConfigIsCheckedAndWrittenWithAbsolutePaths) {
    const experiment::SweepPlan plan = experiment::planSweep(grid(twelve()), sweep_).value();
    ASSERT_EQ(plan.tasks.size(), 12u);
    EXPECT_EQ(plan.tasks[3].config, sweep_ / "configs" / "003-hybrid-alpha0.25-lr0.002-s2.json");
    EXPECT_EQ(plan.tasks[11].database, sweep_ / "db" / "011.db");
    EXPECT_EQ(plan.tasks[11].output, sweep_ / "runs" / "011");
    EXPECT_TRUE(fs::is_directory(sweep_ / "db"));  // mtrec train makes no missing folder
    std::ifstream in(plan.tasks[9].config);
    const json written = json::parse(in);
    EXPECT_EQ(written["name"], "grid-mono-lr0.001-s2");
    EXPECT_EQ(written["strategy"]["name"], "mono");
    EXPECT_EQ(written["data"]["parallel_qa"]["folder"], (dir_.path() / "qa").string());
    // Planned again, the same configs are found in place; another grid's are refused.
    EXPECT_TRUE(experiment::planSweep(grid(twelve()), sweep_));
    json other = twelve();
    other["seeds"] = {1, 3};
    const Result<experiment::SweepPlan> refused = experiment::planSweep(grid(other), sweep_);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("already holds configs of another sweep"),
              std::string::npos)
        << refused.error().message;
}

TEST_F(SweepPlanning, ABadValueRefusesTheWholeSweepAtItsGridPath) {
    json fields = {{"strategies", {{{"name", "hybrid"}, {"alpha", {0.5, 1.5}}}}},
                   {"set", {{"$.optimizer.warmup_steps", {4, -1}}}}};
    const fs::path file = grid(fields);
    const Result<experiment::SweepPlan> plan = experiment::planSweep(file, sweep_);
    ASSERT_FALSE(plan);
    const std::string& message = plan.error().message;
    EXPECT_EQ(message.rfind(file.string() + ": the sweep was refused, nothing was written:", 0),
              0u)
        << message;
    EXPECT_NE(message.find("\n  $.strategies[0].alpha[1]: config 002-hybrid-alpha1.5-"
                           "warmup_steps4.json: $.strategy.alpha: "),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("\n  $.set[\"$.optimizer.warmup_steps\"][1]: config "
                           "001-hybrid-alpha0.5-warmup_steps-1.json: $.optimizer.warmup_steps: "),
              std::string::npos)
        << message;
    EXPECT_FALSE(fs::exists(sweep_));
}

TEST_F(SweepPlanning, AGridProblemIsNamedByItsPath) {
    const fs::path file = grid({{"seeds", json::array()}, {"sets", json::object()}});
    const Result<experiment::SweepGrid> read = experiment::readSweepGrid(file);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().message,
              file.string() + ": $.sets: unknown key (expected base, name, strategies, seeds, set)\n" +
                  file.string() + ": $.seeds: an empty list: give at least one value");
}

TEST_F(SweepPlanning, TheSlurmScriptRunsOneTaskPerArrayIndex) {
    const experiment::SweepPlan plan = experiment::planSweep(grid(twelve()), sweep_).value();
    const std::string script = experiment::slurmScript(plan, "/opt/mtrec/bin/mtrec");
    EXPECT_NE(script.find("\n#SBATCH --array=0-11\n"), std::string::npos) << script;
    EXPECT_NE(script.find("\n  3) exec '/opt/mtrec/bin/mtrec' train --config '" +
                          (sweep_ / "configs/003-hybrid-alpha0.25-lr0.002-s2.json").string() +
                          "' --db '" + (sweep_ / "db/003.db").string() + "' --out '" +
                          (sweep_ / "runs/003").string() + "' ;;\n"),
              std::string::npos)
        << script;
    EXPECT_NE(script.find("# When the tasks are done: /opt/mtrec/bin/mtrec runs merge '" +
                          (sweep_ / "db").string() + "'/*.db --into experiments.db\n"),
              std::string::npos);
    EXPECT_NE(script.find("\n#SBATCH --job-name=grid\n"), std::string::npos) << script;
    experiment::SweepPlan spaced = plan;
    spaced.name = "alpha grid/v2";  // #SBATCH splits at white space
    EXPECT_NE(experiment::slurmScript(spaced, "mtrec").find("\n#SBATCH --job-name=alpha_grid_v2\n"),
              std::string::npos);
    const fs::path written = experiment::writeSlurmScript(plan, "/opt/mtrec/bin/mtrec").value();
    EXPECT_EQ(written, sweep_ / "sweep.slurm");
    EXPECT_TRUE(fs::is_directory(sweep_ / "logs"));
}

}  // namespace
}  // namespace mtrec::test
