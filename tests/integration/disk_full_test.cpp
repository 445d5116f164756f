// A full disk during training (issue 12, item 5), simulated with a file-size limit (`ulimit -f`)
// on the `mtrec train` child: the first checkpoint cannot be written. The run must end failed
// with the reason (the file that could not be written), the process must say so and exit 1, and
// the database must stay whole and open normally afterwards.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include <sys/wait.h>

#include "cli_runner.h"
#include "store/experiment_store.h"
#include "test_support.h"
#include "train_fixture.h"

namespace mtrec::test {
namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t kLimit = 1 << 20;  // 1 MiB: the database fits, a checkpoint does not

TEST(DiskFull, ACheckpointThatCannotBeWrittenFailsTheRunWithItsReasonAndKeepsTheDatabaseWhole) {
    TempDir dir;
    writeTinyQaCorpus(dir.path() / "qa");
    nlohmann::json config = tinyTrainingConfig(dir.path() / "qa");
    // A wider encoder, so that its weights (about 2 MB) exceed the limit the database stays under.
    config["model"]["hidden_size"] = 256;
    config["model"]["intermediate_size"] = 512;
    config["model"]["heads"] = 4;
    const fs::path file = dir.write("config.json", config.dump(2));
    const fs::path db = dir.path() / "e.db";
    const fs::path out = dir.path() / "out";
    const fs::path log = dir.path() / "train.log";
    const pid_t child =
        spawnMtrec({"train", "--config", file.string(), "--db", db.string(), "--out", out.string()},
                   {}, log, kLimit);
    ASSERT_GT(child, 0);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    std::ifstream in(log);
    const std::string output((std::istreambuf_iterator<char>(in)), {});
    ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status) << "\n" << output;
    EXPECT_EQ(WEXITSTATUS(status), 1) << output;
    const std::string tensors = (out / "checkpoints").string();
    EXPECT_NE(output.find("mtrec: run 1 failed: " + tensors), std::string::npos) << output;
    EXPECT_NE(output.find("/encoder.pt: cannot write: File too large\n"), std::string::npos)
        << output;

    Result<store::ExperimentStore> opened = store::ExperimentStore::open(db.string());
    ASSERT_TRUE(opened) << opened.error().message;
    store::ExperimentStore& store = opened.value();
    store::Statement check = store.database().prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.text(0), "ok");
    const store::RunRecord run = store.runs().get(1).value();
    EXPECT_EQ(run.status, store::RunStatus::Failed);
    const std::string reason = run.errorText.value_or("");
    EXPECT_EQ(reason.rfind(tensors, 0), 0u) << reason;
    EXPECT_NE(reason.find("/encoder.pt: cannot write: File too large"), std::string::npos)
        << reason;
    EXPECT_EQ(store.trainingLog().steps(1).value().size(), 10u)
        << "the steps up to the first checkpoint are logged";
}

}  // namespace
}  // namespace mtrec::test
