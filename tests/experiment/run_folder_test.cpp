// RunFolder: the layout of a run's folder, and finding the run from a recorded checkpoint path.
#include <gtest/gtest.h>

#include <filesystem>

#include "experiment/run_folder.h"
#include "test_support.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

TEST(RunFolder, NamesEveryPartOfTheLayout) {
    const RunFolder run("/runs/3-tiny");
    EXPECT_EQ(run.checkpoints(), fs::path("/runs/3-tiny/checkpoints"));
    EXPECT_EQ(run.bestModel(), fs::path("/runs/3-tiny/checkpoints/best"));
    EXPECT_EQ(run.tokenizerModel(), fs::path("/runs/3-tiny/tokenizer.model"));
    EXPECT_EQ(run.results(), fs::path("/runs/3-tiny"));
}

TEST(RunFolder, FoundFromTheCheckpointPathARunRecords) {
    for (const char* recorded :
         {"/runs/3-tiny/checkpoints", "/runs/3-tiny/checkpoints/step-00000040",
          "/runs/3-tiny/checkpoints/best"})
        EXPECT_EQ(RunFolder::ofCheckpoint(recorded).root(), fs::path("/runs/3-tiny")) << recorded;
}

TEST(RunFolder, AtAcceptsARunFolderOrItsCheckpointsFolderOnly) {
    const test::TempDir dir;
    const fs::path root = dir.path() / "run";
    EXPECT_FALSE(RunFolder::at(root).has_value());
    fs::create_directories(root / "checkpoints");
    EXPECT_FALSE(RunFolder(root).hasCheckpoints()) << "an empty checkpoints folder";
    ASSERT_TRUE(RunFolder::at(root).has_value());
    EXPECT_EQ(RunFolder::at(root)->root(), root);
    ASSERT_TRUE(RunFolder::at(root / "checkpoints").has_value());
    EXPECT_EQ(RunFolder::at(root / "checkpoints")->root(), root);
    EXPECT_FALSE(RunFolder::at(dir.path()).has_value());
    dir.write("run/checkpoints/latest", "step-00000001\n");
    EXPECT_TRUE(RunFolder(root).hasCheckpoints());
    Result<std::string> latest = RunFolder(root).latestCheckpoint();
    ASSERT_FALSE(latest.ok()) << "latest names a folder that is not there";
}

}  // namespace
}  // namespace mtrec::experiment
