target_sources(mtrec_core PRIVATE
    train/batch_kind.h
    train/batch_sampler.h
    train/strategy_spec.h
    train/sampler_factory.h
    train/info_nce_loss.h)
