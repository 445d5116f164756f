target_sources(mtrec_train PRIVATE
    train/batch_kind.h train/batch_kind.cpp
    train/batch_sampler.h
    train/strategy_spec.h train/strategy_spec.cpp
    train/sampler_random.h train/sampler_random.cpp
    train/sampler_state.h
    train/pool_set.h train/pool_set.cpp
    train/mono_sampler.h train/mono_sampler.cpp
    train/cross_sampler.h train/cross_sampler.cpp
    train/hybrid_sampler.h train/hybrid_sampler.cpp
    train/mixed_sampler.h train/mixed_sampler.cpp
    train/multitask_sampler.h train/multitask_sampler.cpp
    train/qa_budget.h train/qa_budget.cpp
    train/sampler_factory.h train/sampler_factory.cpp
    train/validation_batches.h train/validation_batches.cpp
    train/validation_ranking.h train/validation_ranking.cpp
    train/selection_measure.h train/selection_measure.cpp
    train/info_nce_loss.h train/info_nce_loss.cpp)

# Trainer (checkpoints, schedule, one optimizer step, thread set-up)
target_sources(mtrec_train PRIVATE
    train/training_progress.h
    train/trainer.h train/trainer.cpp
    train/training_step.h train/training_step.cpp
    train/batch_hard_negatives.h train/batch_hard_negatives.cpp
    train/batch_tensors.h train/batch_tensors.cpp
    train/checkpoint.h train/checkpoint.cpp
    train/checkpoint_integrity.h train/checkpoint_integrity.cpp
    train/lr_schedule.h train/lr_schedule.cpp
    train/thread_settings.h train/thread_settings.cpp)

# Data-parallel training over processes (c10d's TCPStore and Gloo process group)
target_sources(mtrec_train PRIVATE
    train/world_settings.h train/world_settings.cpp
    train/collective.h train/collective.cpp
    train/batch_shards.h train/batch_shards.cpp
    train/gradient_sync.h train/gradient_sync.cpp
    train/data_parallel.h train/data_parallel.cpp)
