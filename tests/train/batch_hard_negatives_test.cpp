#include <gtest/gtest.h>

#include "train/batch_hard_negatives.h"

namespace mtrec::train {
namespace {

data::TrainingPair pair(std::string passage, std::optional<std::string> hardNegative) {
    data::TrainingPair out;
    out.query = "q";
    out.passage = std::move(passage);
    out.hardNegative = std::move(hardNegative);
    return out;
}

TEST(BatchHardNegatives, ANeighbourThatIsAnotherPairsPositiveIsLeftOut) {
    // Two questions on one paragraph: each answer sentence is the other's neighbour.
    const data::TrainingPair first = pair("Alpha is first.", "Beta is second.");
    const data::TrainingPair second = pair("Beta is second.", "Alpha is first.");
    const data::TrainingPair third = pair("Gamma is third.", "Delta is fourth.");
    const Batch batch{{&first, &second, &third}, {}};
    EXPECT_EQ(batchHardNegatives(batch), std::vector<std::string>{"Delta is fourth."});
}

TEST(BatchHardNegatives, PairsWithoutOneAndDuplicatesAddNothing) {
    const data::TrainingPair first = pair("A.", "Shared neighbour.");
    const data::TrainingPair second = pair("B.", std::nullopt);
    const data::TrainingPair third = pair("C.", "Shared neighbour.");
    const data::TrainingPair fourth = pair("D.", "Own neighbour.");
    const Batch batch{{&first, &second, &third, &fourth}, {}};
    EXPECT_EQ(batchHardNegatives(batch),
              (std::vector<std::string>{"Shared neighbour.", "Own neighbour."}));
}

}  // namespace
}  // namespace mtrec::train
