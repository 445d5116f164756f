// A refused `mtrec train` creates nothing (issue 12, item 3): no database file, no output folder,
// whatever refused it — a batch larger than the data can fill, or an output folder that already
// holds another run's checkpoints.
#include <gtest/gtest.h>

#include "cli_runner.h"
#include "test_support.h"
#include "train_fixture.h"

namespace mtrec::test {
namespace {

namespace fs = std::filesystem;

class RefusedTrain : public ::testing::Test {
protected:
    void SetUp() override { writeTinyQaCorpus(dir_.path() / "qa"); }

    CommandResult train(const nlohmann::json& config, const fs::path& out) {
        const fs::path file = dir_.write("config.json", config.dump(2));
        return runMtrec(
            {"train", "--config", file.string(), "--db", db_.string(), "--out", out.string()});
    }

    TempDir dir_;
    fs::path db_ = dir_.path() / "new.db";
};

TEST_F(RefusedTrain, ABatchLargerThanTheDataIsRefusedAtItsPathAndCreatesNothing) {
    nlohmann::json config = tinyTrainingConfig(dir_.path() / "qa");
    config["strategy"]["batch_size"] = 100000;
    const fs::path out = dir_.path() / "out";
    const CommandResult result = train(config, out);
    EXPECT_EQ(result.exitCode, 1) << result.output;
    EXPECT_NE(result.output.find("$.strategy.batch_size: 100000 is more than the 20 question "
                                 "groups of the training data"),
              std::string::npos)
        << result.output;
    EXPECT_FALSE(fs::exists(db_));
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(RefusedTrain, AnOutputFolderInUseIsRefusedWithoutCreatingTheDatabase) {
    const fs::path used = dir_.path() / "used";
    dir_.write("used/checkpoints/latest", "step-00000010\n");
    const CommandResult result = train(tinyTrainingConfig(dir_.path() / "qa"), used);
    EXPECT_EQ(result.exitCode, 1) << result.output;
    EXPECT_NE(result.output.find("already holds another run's checkpoints"), std::string::npos)
        << result.output;
    EXPECT_FALSE(fs::exists(db_));
}

}  // namespace
}  // namespace mtrec::test
