#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <ATen/Functions.h>
#include <gtest/gtest.h>

#include "model/encoder_checkpoint.h"
#include "test_support.h"
#include "train/checkpoint.h"
#include "trainer_fixture.h"

namespace mtrec::train {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kHalf = 9;

TrainerOptions resumableOptions(const fs::path& dir) {
    TrainerOptions options = test::toyOptions(2 * kHalf);
    options.evalEvery = 4;
    options.checkpointEvery = kHalf;
    options.checkpointDir = dir.string();
    return options;
}

TEST(TrainerCheckpoint, ResumeContinuesExactlyAsIfNeverStopped) {
    const test::ToyTask task;
    const test::TempDir straightDir;
    const test::TempDir splitDir;

    test::LossLog straight;
    {
        model::Encoder encoder = task.encoder();
        auto sampler = task.sampler();
        Trainer trainer(encoder, task.batchEncoder, *sampler, resumableOptions(straightDir.path()));
        trainer.setValidationBatches(task.validationBatches());
        test::recordLosses(trainer, straight);
        ASSERT_TRUE(trainer.train().ok());
    }
    ASSERT_EQ(straight.losses.size(), 2 * kHalf);

    test::LossLog first;
    {
        model::Encoder encoder = task.encoder();
        auto sampler = task.sampler();
        Trainer trainer(encoder, task.batchEncoder, *sampler, resumableOptions(splitDir.path()));
        trainer.setValidationBatches(task.validationBatches());
        CancelToken cancel;
        trainer.setCancelToken(cancel);
        test::recordLosses(trainer, first, &cancel, kHalf);
        Result<TrainingOutcome> outcome = trainer.train();
        ASSERT_TRUE(outcome.ok()) << outcome.error().message;
        EXPECT_EQ(outcome.value().end, TrainingEnd::Cancelled);
        EXPECT_EQ(outcome.value().lastStep, kHalf);
        EXPECT_EQ(fs::path(outcome.value().finalCheckpoint).filename(), "step-00000009");
    }
    // Run some unrelated random work in between: the resumed run must not depend on it.
    static_cast<void>(task.encoder(99));
    static_cast<void>(at::rand({100}));

    test::LossLog second;
    {
        model::Encoder encoder = task.encoder(1234);  // other initial weights: the checkpoint wins
        auto sampler = task.sampler(4, 4321);         // another seed: the checkpoint's state wins
        Trainer trainer(encoder, task.batchEncoder, *sampler, resumableOptions(splitDir.path()));
        trainer.setValidationBatches(task.validationBatches());
        ASSERT_TRUE(trainer.resume(splitDir.path().string()).ok());
        EXPECT_EQ(trainer.completedSteps(), kHalf);
        test::recordLosses(trainer, second);
        Result<TrainingOutcome> outcome = trainer.train();
        ASSERT_TRUE(outcome.ok()) << outcome.error().message;
        EXPECT_EQ(outcome.value().end, TrainingEnd::Finished);
        EXPECT_EQ(outcome.value().lastStep, 2 * kHalf);
    }
    ASSERT_EQ(first.losses.size(), kHalf);
    ASSERT_EQ(second.losses.size(), kHalf);
    for (std::size_t i = 0; i < kHalf; ++i) {
        EXPECT_EQ(first.losses[i], straight.losses[i]) << "step " << i + 1;
        EXPECT_EQ(second.losses[i], straight.losses[kHalf + i]) << "step " << kHalf + i + 1;
        EXPECT_EQ(second.validation[i], straight.validation[kHalf + i]) << "step " << kHalf + i + 1;
        EXPECT_EQ(second.steps[i], kHalf + i + 1);
    }
}

TEST(TrainerCheckpoint, CheckpointFolderLoadsAsAnEncoderAndOldOnesArePruned) {
    test::ToyRun run(8);
    run.options.checkpointEvery = 2;
    run.options.keepCheckpoints = 2;
    Trainer& trainer = run.start();
    std::vector<std::size_t> written;
    std::vector<std::string> folders;
    trainer.setProgressSink([&](const Progress& progress) {
        if (progress.phase != Phase::Checkpointing) return;
        written.push_back(progress.step);
        folders.push_back(progress.checkpoint);
    });
    Result<TrainingOutcome> outcome = trainer.train();
    ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(written, (std::vector<std::size_t>{2, 4, 6, 8}));
    ASSERT_EQ(folders.size(), 4u);
    EXPECT_EQ(folders[0], (run.dir.path() / "step-00000002").string());
    EXPECT_TRUE(fs::exists(run.dir.path() / "step-00000006"));
    EXPECT_TRUE(fs::exists(run.dir.path() / "step-00000008"));
    EXPECT_FALSE(fs::exists(run.dir.path() / "step-00000004"));
    EXPECT_EQ(outcome.value().finalCheckpoint, (run.dir.path() / "step-00000008").string());
    Result<std::string> latest = resolveCheckpoint(run.dir.path().string());
    ASSERT_TRUE(latest.ok());
    EXPECT_EQ(latest.value(), outcome.value().finalCheckpoint);

    Result<model::Encoder> loaded = model::loadEncoder(outcome.value().finalCheckpoint);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    const auto trained = run.encoder->named_parameters();
    for (const auto& item : loaded.value()->named_parameters())
        EXPECT_TRUE(item.value().equal(trained[item.key()])) << item.key();
}

TEST(TrainerCheckpoint, AnInterruptedSaveLeavesThePreviousCheckpointInUse) {
    test::ToyRun run(4);
    Trainer& trainer = run.start();
    ASSERT_TRUE(trainer.train().ok());
    // What a process killed while writing step 6 leaves: a half-written hidden folder and a
    // half-written `latest` temporary.
    run.dir.write(".step-00000006.tmp-4242/encoder.json", "{\"format_");
    run.dir.write(".latest.tmp-4242", "step-0000");
    Result<std::string> latest = resolveCheckpoint(run.dir.path().string());
    ASSERT_TRUE(latest.ok()) << latest.error().message;
    EXPECT_EQ(fs::path(latest.value()).filename(), "step-00000004");
    model::Encoder other = run.task.encoder();
    auto otherSampler = run.task.sampler();
    Trainer resumed(other, run.task.batchEncoder, *otherSampler, run.options);
    EXPECT_TRUE(resumed.resume(run.dir.path().string()).ok());
    EXPECT_EQ(resumed.completedSteps(), 4u);
}

class CorruptCheckpoint : public ::testing::Test {
protected:
    void SetUp() override {
        model::Encoder encoder = task.encoder();
        auto sampler = task.sampler();
        TrainerOptions options = test::toyOptions(3);
        options.checkpointDir = dir.path().string();
        Trainer trainer(encoder, task.batchEncoder, *sampler, options);
        Result<TrainingOutcome> outcome = trainer.train();
        ASSERT_TRUE(outcome.ok());
        folder = outcome.value().finalCheckpoint;
    }

    std::string resumeError(TrainerOptions options) {
        model::Encoder encoder = task.encoder();
        auto sampler = task.sampler();
        options.checkpointDir = dir.path().string();
        Trainer trainer(encoder, task.batchEncoder, *sampler, options);
        Status status = trainer.resume(dir.path().string());
        return status.ok() ? std::string("(resumed)") : status.error().message;
    }

    const test::ToyTask task;
    const test::TempDir dir;
    std::string folder;
};

TEST_F(CorruptCheckpoint, TruncatedTensorFileIsNamed) {
    const fs::path tensors = fs::path(folder) / "trainer.pt";
    fs::resize_file(tensors, fs::file_size(tensors) / 2);
    const std::string message = resumeError(test::toyOptions(3));
    EXPECT_NE(message.find(tensors.string()), std::string::npos) << message;
}

TEST_F(CorruptCheckpoint, BrokenStateJsonIsNamedWithItsPlace) {
    std::ofstream(fs::path(folder) / "trainer_state.json") << "{\"format_version\": 1, \"step\": ";
    const std::string message = resumeError(test::toyOptions(3));
    EXPECT_NE(message.find((fs::path(folder) / "trainer_state.json").string() + ":1:"),
              std::string::npos)
        << message;
}

TEST_F(CorruptCheckpoint, MissingEncoderFileIsNamed) {
    fs::remove(fs::path(folder) / "encoder.pt");
    const std::string message = resumeError(test::toyOptions(3));
    EXPECT_NE(message.find((fs::path(folder) / "encoder.pt").string()), std::string::npos)
        << message;
}

TEST_F(CorruptCheckpoint, OtherOptionsAreRefusedWithTheSetting) {
    TrainerOptions options = test::toyOptions(3);
    options.lr = 1e-4;
    const std::string message = resumeError(options);
    EXPECT_NE(message.find("$.settings.lr"), std::string::npos) << message;
    EXPECT_NE(message.find("0.003"), std::string::npos) << message;
}

TEST_F(CorruptCheckpoint, AFolderWithoutCheckpointSaysSo) {
    const test::TempDir empty;
    model::Encoder encoder = task.encoder();
    auto sampler = task.sampler();
    Trainer trainer(encoder, task.batchEncoder, *sampler, test::toyOptions(3));
    Status status = trainer.resume(empty.path().string());
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().message.find(empty.path().string()), std::string::npos);
    EXPECT_NE(status.error().message.find("latest"), std::string::npos);
    Status missing = trainer.resume((empty.path() / "nowhere").string());
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("no such checkpoint folder"), std::string::npos);
}

}  // namespace
}  // namespace mtrec::train
