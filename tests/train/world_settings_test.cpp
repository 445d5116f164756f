// Where a process stands in a data-parallel training: flags over torchrun's variables over Slurm's,
// and the message that names what does not fit.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "train/world_settings.h"

namespace mtrec::train {
namespace {

using Variables = std::map<std::string, std::string>;

Result<WorldSettings> resolveWith(const Variables& variables, const WorldFlags& flags = {}) {
    return resolveWorld(flags, [&variables](const char* name) -> const char* {
        const auto found = variables.find(name);
        return found == variables.end() ? nullptr : found->second.c_str();
    });
}

TEST(WorldSettings, NothingSetIsOneProcess) {
    const Result<WorldSettings> world = resolveWith({});
    ASSERT_TRUE(world) << world.error().message;
    EXPECT_EQ(world.value().worldSize, 1);
    EXPECT_EQ(world.value().rank, 0);
    EXPECT_FALSE(world.value().distributed());
}

TEST(WorldSettings, ReadsWhatTorchrunSets) {
    const Result<WorldSettings> world =
        resolveWith({{"RANK", "3"}, {"WORLD_SIZE", "8"}, {"LOCAL_RANK", "1"},
                     {"LOCAL_WORLD_SIZE", "2"}, {"MASTER_ADDR", "node7"}, {"MASTER_PORT", "29400"},
                     {"TORCHELASTIC_USE_AGENT_STORE", "True"},
                     {"TORCHELASTIC_RESTART_COUNT", "2"}});
    ASSERT_TRUE(world) << world.error().message;
    const WorldSettings& w = world.value();
    EXPECT_EQ(w.rank, 3);
    EXPECT_EQ(w.worldSize, 8);
    EXPECT_EQ(w.localRank, 1);
    EXPECT_EQ(w.localWorldSize, 2);
    EXPECT_EQ(w.masterAddress, "node7");
    EXPECT_EQ(w.masterPort, 29400);
    EXPECT_TRUE(w.agentStore);
    EXPECT_EQ(w.restartCount, 2);
    EXPECT_FALSE(w.leader());
}

TEST(WorldSettings, ReadsSlurmWithTheFirstHostAsMaster) {
    const Result<WorldSettings> world =
        resolveWith({{"SLURM_PROCID", "5"}, {"SLURM_NTASKS", "6"}, {"SLURM_LOCALID", "2"},
                     {"SLURM_NTASKS_PER_NODE", "3(x2)"}, {"MASTER_ADDR", "gpu01"}});
    ASSERT_TRUE(world) << world.error().message;
    EXPECT_EQ(world.value().rank, 5);
    EXPECT_EQ(world.value().worldSize, 6);
    EXPECT_EQ(world.value().localRank, 2);
    EXPECT_EQ(world.value().localWorldSize, 3);
    EXPECT_EQ(world.value().masterPort, 29500);
    EXPECT_FALSE(world.value().agentStore);
}

TEST(WorldSettings, FlagsWinOverTheEnvironment) {
    WorldFlags flags;
    flags.rank = 1;
    flags.worldSize = 2;
    flags.master = "127.0.0.1:29611";
    flags.timeoutSeconds = 20;
    const Result<WorldSettings> world =
        resolveWith({{"RANK", "0"}, {"WORLD_SIZE", "4"}, {"MASTER_ADDR", "elsewhere"}}, flags);
    ASSERT_TRUE(world) << world.error().message;
    EXPECT_EQ(world.value().rank, 1);
    EXPECT_EQ(world.value().worldSize, 2);
    EXPECT_EQ(world.value().masterAddress, "127.0.0.1");
    EXPECT_EQ(world.value().masterPort, 29611);
    EXPECT_EQ(world.value().timeout.count(), 20);
}

TEST(WorldSettings, MessagesNameTheVariable) {
    const auto message = [](const Variables& variables, WorldFlags flags = {}) {
        const Result<WorldSettings> world = resolveWith(variables, flags);
        return world ? std::string("(accepted)") : world.error().message;
    };
    EXPECT_EQ(message({{"RANK", "x"}, {"WORLD_SIZE", "2"}}), "RANK=x: not a whole number");
    EXPECT_EQ(message({{"WORLD_SIZE", "0"}}), "WORLD_SIZE=0: must be between 1 and 1048576");
    EXPECT_NE(message({{"RANK", "2"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "h"}})
                  .find("rank 2 is outside a world of 2 processes"),
              std::string::npos);
    EXPECT_NE(message({{"RANK", "0"}, {"WORLD_SIZE", "2"}}).find("set MASTER_ADDR"),
              std::string::npos);
    EXPECT_EQ(message({{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "h"},
                       {"MASTER_PORT", "70000"}}),
              "MASTER_PORT=70000: must be between 1 and 65535");
    EXPECT_EQ(message({{"MTREC_DIST_TIMEOUT", "-5"}}),
              "MTREC_DIST_TIMEOUT=-5: must be between 1 and 604800");
    EXPECT_EQ(message({{"MTREC_DIST_BACKEND", "mpi"}}),
              "MTREC_DIST_BACKEND=mpi: expected gloo or nccl");
    WorldFlags flags;
    flags.worldSize = 2;
    flags.master = "host:port";
    EXPECT_EQ(message({}, flags), "--master port=port: not a whole number");
}

}  // namespace
}  // namespace mtrec::train
