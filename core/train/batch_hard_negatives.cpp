#include "train/batch_hard_negatives.h"

#include <string_view>
#include <unordered_set>

namespace mtrec::train {

std::vector<std::string> batchHardNegatives(const Batch& batch) {
    std::unordered_set<std::string_view> taken;
    for (const data::TrainingPair* pair : batch.pairs) taken.insert(pair->passage);
    std::vector<std::string> negatives;
    for (const data::TrainingPair* pair : batch.pairs) {
        if (!pair->hardNegative || !taken.insert(*pair->hardNegative).second) continue;
        negatives.push_back(*pair->hardNegative);
    }
    return negatives;
}

}  // namespace mtrec::train
