// Damaged checkpoints at resume (issue 12, item 5): the checksums a checkpoint folder records, and
// the fallback to the previous whole checkpoint. The loader is a stand-in for Trainer::resume, so
// these cases need no tensors; training_job_test resumes a real run past a damaged checkpoint.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "experiment/checkpoint_fallback.h"
#include "test_support.h"
#include "train/checkpoint_integrity.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;
using mtrec::test::TempDir;

/// A checkpoint folder step-<step> with two files and its SHA256SUMS.
fs::path writeCheckpoint(const TempDir& dir, const std::string& step) {
    const fs::path folder = dir.path() / "checkpoints" / ("step-" + step);
    dir.write("checkpoints/step-" + step + "/encoder.pt", std::string(3000, 'w') + step);
    dir.write("checkpoints/step-" + step + "/trainer_state.json", "{\"step\": " + step + "}\n");
    EXPECT_TRUE(train::writeChecksums(folder.string()));
    return folder;
}

void flipByte(const fs::path& file, std::streamoff at) {
    std::fstream io(file, std::ios::binary | std::ios::in | std::ios::out);
    io.seekg(at);
    const char byte = static_cast<char>(io.get() ^ 0x01);
    io.seekp(at);
    io.put(byte);
}

TEST(CheckpointIntegrity, ChecksumFileListsDigestSizeAndNameOfEveryOtherFile) {
    TempDir dir;
    const fs::path folder = dir.path() / "c";
    dir.write("c/a.txt", "abc");
    dir.write("c/b.txt", "");
    ASSERT_TRUE(train::writeChecksums(folder.string()));
    std::ifstream in(folder / "SHA256SUMS");
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    // sha256("abc") and sha256("") from FIPS 180-4's examples.
    EXPECT_EQ(text,
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  3  a.txt\n"
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  0  b.txt\n");
    EXPECT_TRUE(train::verifyChecksums(folder.string()));
}

TEST(CheckpointIntegrity, FlippedBitTruncationAndMissingFileAreNamed) {
    TempDir dir;
    const fs::path folder = writeCheckpoint(dir, "00000010");
    const fs::path tensors = folder / "encoder.pt";
    flipByte(tensors, 1500);
    Status flipped = train::verifyChecksums(folder.string());
    ASSERT_FALSE(flipped);
    EXPECT_EQ(flipped.error().message,
              tensors.string() +
                  ": damaged checkpoint: its SHA-256 differs from the one recorded when it was "
                  "written (the bytes changed: a flipped bit or an overwrite)");
    fs::resize_file(tensors, 1000);
    Status truncated = train::verifyChecksums(folder.string());
    ASSERT_FALSE(truncated);
    EXPECT_EQ(truncated.error().message,
              tensors.string() + ": damaged checkpoint: 1000 bytes, 3008 when written (truncated)");
    fs::remove(tensors);
    EXPECT_EQ(train::verifyChecksums(folder.string()).error().message,
              tensors.string() + ": damaged checkpoint: the file is missing");
}

TEST(CheckpointIntegrity, FolderWithoutChecksumsPassesAsWrittenBeforeThem) {
    TempDir dir;
    const fs::path folder = dir.path() / "old";
    dir.write("old/encoder.pt", "anything");
    EXPECT_TRUE(train::verifyChecksums(folder.string()));
}

TEST(CheckpointIntegrity, CandidatesAreLatestThenOlderNewestFirstAndNoneWithoutLatest) {
    TempDir dir;
    for (const char* step : {"00000010", "00000020", "00000030"}) writeCheckpoint(dir, step);
    const fs::path checkpoints = dir.path() / "checkpoints";
    EXPECT_EQ(train::restoreCandidates(checkpoints.string()), std::vector<std::string>{});
    dir.write("checkpoints/latest", "step-00000020\n");
    EXPECT_EQ(train::restoreCandidates(checkpoints.string()),
              (std::vector<std::string>{(checkpoints / "step-00000020").string(),
                                        (checkpoints / "step-00000010").string()}));
}

TEST(CheckpointFallback, DamagedLatestFallsBackToThePreviousAndSaysWhy) {
    TempDir dir;
    writeCheckpoint(dir, "00000010");
    const fs::path latest = writeCheckpoint(dir, "00000020");
    dir.write("checkpoints/latest", "step-00000020\n");
    fs::resize_file(latest / "encoder.pt", 10);
    std::vector<std::string> loaded;
    Result<RestoredCheckpoint> restored =
        restoreNewestWhole((dir.path() / "checkpoints").string(), [&](const std::string& folder) {
            loaded.push_back(fs::path(folder).filename().string());
            return success();
        });
    ASSERT_TRUE(restored) << restored.error().message;
    EXPECT_EQ(loaded, std::vector<std::string>{"step-00000010"});
    EXPECT_EQ(restored.value().note(),
              "resumed from step-00000010, an older checkpoint, because " +
                  (latest / "encoder.pt").string() +
                  ": damaged checkpoint: 10 bytes, 3008 when written (truncated)");
}

TEST(CheckpointFallback, LoaderFailureAlsoFallsBackAndNoneLeftIsAnErrorNamingEach) {
    TempDir dir;
    writeCheckpoint(dir, "00000010");
    writeCheckpoint(dir, "00000020");
    dir.write("checkpoints/latest", "step-00000020\n");
    const std::string checkpoints = (dir.path() / "checkpoints").string();
    Result<RestoredCheckpoint> restored =
        restoreNewestWhole(checkpoints, [](const std::string& folder) -> Status {
            return Error{folder + "/trainer.pt: cannot read"};
        });
    ASSERT_FALSE(restored);
    EXPECT_EQ(restored.error().message, "no checkpoint in " + checkpoints +
                                            " can be restored: " + checkpoints +
                                            "/step-00000020/trainer.pt: cannot read; " +
                                            checkpoints + "/step-00000010/trainer.pt: cannot read");
}

TEST(CheckpointFallback, NoCompletedCheckpointStartsOverWithoutANote) {
    TempDir dir;
    writeCheckpoint(dir, "00000010");  // in place, but `latest` was never written
    Result<RestoredCheckpoint> restored = restoreNewestWhole(
        (dir.path() / "checkpoints").string(),
        [](const std::string&) -> Status { return Error{"must not be called"}; });
    ASSERT_TRUE(restored);
    EXPECT_EQ(restored.value().folder, "");
    EXPECT_EQ(restored.value().note(), "");
}

}  // namespace
}  // namespace mtrec::experiment
