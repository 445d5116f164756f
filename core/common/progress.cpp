#include "common/progress.h"

namespace mtrec {

const char* phaseName(Phase phase) {
    switch (phase) {
        case Phase::Preparing:
            return "preparing";
        case Phase::TrainingTokenizer:
            return "training the tokenizer";
        case Phase::LoadingTokenizer:
            return "loading the tokenizer";
        case Phase::BuildingEncoder:
            return "building the encoder";
        case Phase::RestoringCheckpoint:
            return "restoring the checkpoint";
        case Phase::Training:
            return "training";
        case Phase::Checkpointing:
            return "checkpointing";
        case Phase::LoadingModel:
            return "loading the model";
        case Phase::Evaluating:
            return "evaluating";
        case Phase::Embedding:
            return "embedding";
        case Phase::Ranking:
            return "ranking";
        case Phase::WritingResults:
            return "writing the results";
        case Phase::Regenerating:
            return "regenerating";
        case Phase::Comparing:
            return "comparing";
        case Phase::Done:
            return "done";
    }
    return "unknown";
}

}  // namespace mtrec
