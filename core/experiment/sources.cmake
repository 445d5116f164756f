target_sources(mtrec_experiment PRIVATE
    experiment/evaluation_job.h experiment/evaluation_job.cpp
    experiment/evaluation_request.h experiment/evaluation_request.cpp
    experiment/evaluation_run.h experiment/evaluation_run.cpp
    experiment/scorer_factory.h experiment/scorer_factory.cpp
    experiment/suite_loader.h experiment/suite_loader.cpp)
target_sources(mtrec_experiment PRIVATE
    experiment/training_config.h
    experiment/training_data.h
    experiment/training_data_note.h)
target_sources(mtrec_experiment PRIVATE
    experiment/config_choices.h experiment/config_choices.cpp
    experiment/training_config.cpp
    experiment/training_config_equality.cpp
    experiment/training_config_model.cpp
    experiment/training_config_sections.h experiment/training_config_sections.cpp
    experiment/training_config_json.cpp
    experiment/training_config_validation.cpp
    experiment/training_data.cpp
    experiment/batch_fit.h experiment/batch_fit.cpp
    experiment/training_data_note.cpp
    experiment/training_languages.h experiment/training_languages.cpp)
# The guard against evaluating on the training data (shared question ids or passages)
target_sources(mtrec_experiment PRIVATE
    experiment/suite_overlap.h experiment/suite_overlap.cpp
    experiment/overlap_guard.h experiment/overlap_guard.cpp
    experiment/model_training.h experiment/model_training.cpp)
# mtrec train: a run from config to results (training_run.h is the API; the rest serves it)
target_sources(mtrec_experiment PRIVATE
    experiment/training_run.h experiment/training_run.cpp
    experiment/config_paths.h experiment/config_paths.cpp
    experiment/run_session.h experiment/run_session.cpp
    experiment/trainer_settings.h experiment/trainer_settings.cpp
    experiment/rank_session.h experiment/rank_session.cpp
    experiment/rank_log.h experiment/rank_log.cpp
    experiment/checkpoint_fallback.h experiment/checkpoint_fallback.cpp
    experiment/truncation_note.h experiment/truncation_note.cpp
    experiment/checkpoint_interval_note.h experiment/checkpoint_interval_note.cpp
    experiment/precision_note.h experiment/precision_note.cpp
    experiment/selection_note.h experiment/selection_note.cpp
    experiment/run_recorder.h experiment/run_recorder.cpp
    experiment/tokenizer_setup.h experiment/tokenizer_setup.cpp
    experiment/tokenizer_cache.h experiment/tokenizer_cache.cpp
    experiment/encoder_setup.h experiment/encoder_setup.cpp
    experiment/encoder_evaluation.h experiment/encoder_evaluation.cpp
    experiment/evaluated_model.h experiment/evaluated_model.cpp
    experiment/run_folder.h experiment/run_folder.cpp
    experiment/contamination_note.h experiment/contamination_note.cpp
    experiment/encoder_scorer.h experiment/encoder_scorer.cpp
    experiment/dense_scorer.h experiment/dense_scorer.cpp)
# mtrec runs export --format trec: a recorded run's rankings regenerated from its config and model
target_sources(mtrec_experiment PRIVATE
    experiment/trec_regeneration.h experiment/trec_regeneration.cpp)
# The versions behind the build (About box); SentencePiece's comes from its pkg-config file.
target_sources(mtrec_experiment PRIVATE experiment/build_versions.h experiment/build_versions.cpp)
set_source_files_properties(experiment/build_versions.cpp PROPERTIES
    COMPILE_DEFINITIONS "MTREC_SENTENCEPIECE_VERSION=\"${MTREC_SENTENCEPIECE_VERSION}\"")
target_link_libraries(mtrec_experiment PRIVATE ICU::uc)
# mtrec demo: the quick demo and the paper protocol, plans of runs run against the store
target_sources(mtrec_experiment PRIVATE
    experiment/protocol_plan.h experiment/protocol_plan.cpp experiment/protocol_plan_detail.h
    experiment/paper_plan.cpp
    experiment/question_overlap.h experiment/question_overlap.cpp
    experiment/protocol_run.h experiment/protocol_run.cpp experiment/planned_run_lookup.cpp)
# mtrec sweep: a grid of configs expanded, checked and written (no LibTorch in these files)
target_sources(mtrec_experiment PRIVATE
    experiment/json_path.h experiment/json_path.cpp
    experiment/sweep_grid.h experiment/sweep_grid.cpp experiment/sweep_expansion.cpp
    experiment/sweep_plan.h experiment/sweep_plan.cpp)
