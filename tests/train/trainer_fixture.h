#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "data/pair_pool.h"
#include "model/encoder.h"
#include "test_support.h"
#include "text/batch_encoder.h"
#include "text/tokenizer.h"
#include "train/batch_sampler.h"
#include "train/strategy_spec.h"
#include "train/trainer.h"

namespace mtrec::test {

/// One id per UTF-8 byte (byte + 4); 0 pad, 1 unknown, 2 begin, 3 end. Enough for a toy task.
class ByteTokenizer : public text::Tokenizer {
public:
    std::vector<int64_t> encode(std::string_view text) const override;
    std::string decode(const std::vector<int64_t>& ids) const override;
    std::string token(int64_t id) const override;
    int64_t vocabSize() const override { return 260; }
    const text::SpecialTokens& specialTokens() const override { return special_; }

private:
    text::SpecialTokens special_{2, 3, 0, 1};
};

/// A learnable toy retrieval task in three languages (en, de, fr): the query and the passage of a
/// group share a key word ("what is apple" / "apple ist die Antwort"), so the loss can fall. Every
/// group exists in every language; the training pool holds all mono and cross pairs of `groups`
/// keys, the validation pool the en-en pairs of `validationGroups` further keys.
struct ToyTask {
    explicit ToyTask(std::size_t groups = 12, std::size_t validationGroups = 4);

    ByteTokenizer tokenizer;
    text::BatchEncoder batchEncoder;
    data::PairPool train;
    data::PairPool validation;

    /// The tiny encoder: hidden 32, 1 layer, 2 heads, ffn 64, dropout 0.1, initialised for `seed`.
    model::Encoder encoder(std::uint64_t seed = 7) const;
    /// A hybrid sampler (α 0.5) with `batchSize` pairs per batch, or the strategy `spec` names.
    std::unique_ptr<train::BatchSampler> sampler(std::size_t batchSize = 4,
                                                 std::uint64_t seed = 11) const;
    std::unique_ptr<train::BatchSampler> sampler(const train::StrategySpec& spec,
                                                 std::uint64_t seed = 11) const;
    std::vector<train::Batch> validationBatches(std::size_t batchSize = 4) const;
};

/// Options for the toy task: `steps` steps at lr 3e-3, 2 warm-up steps, 1 thread, seed 5.
train::TrainerOptions toyOptions(std::size_t steps);

/// The set-up most trainer tests share: the toy task's encoder and sampler, and a trainer of
/// toyOptions(steps) that checkpoints into its own temporary folder. Change `options`, then call
/// start() once to build the trainer.
struct ToyRun {
    explicit ToyRun(std::size_t steps);
    train::Trainer& start();

    const ToyTask task;
    const TempDir dir;
    model::Encoder encoder;
    std::unique_ptr<train::BatchSampler> sampler;
    train::TrainerOptions options;
    std::unique_ptr<train::Trainer> trainer;
};

/// Per-step losses (and validation losses, 0 where none) as the trainer reported them.
struct LossLog {
    std::vector<double> losses;
    std::vector<double> validation;
    std::vector<std::size_t> steps;
};

/// Registers a step observer on `trainer` that records into `log`; optionally cancels `cancel`
/// after step `cancelAfter` (0: never).
void recordLosses(train::Trainer& trainer, LossLog& log, const CancelToken* cancel = nullptr,
                  std::size_t cancelAfter = 0);

}  // namespace mtrec::test
