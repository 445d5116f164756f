target_sources(mtrec_core PRIVATE
    experiment/evaluation_run.h experiment/evaluation_run.cpp
    experiment/scorer_factory.h experiment/scorer_factory.cpp
    experiment/suite_loader.h experiment/suite_loader.cpp)
target_sources(mtrec_core PRIVATE
    experiment/training_config.h
    experiment/training_data.h)
target_sources(mtrec_core PRIVATE
    experiment/config_reader.h experiment/config_reader.cpp
    experiment/training_config.cpp
    experiment/training_config_sections.h experiment/training_config_sections.cpp
    experiment/training_config_json.cpp
    experiment/training_config_validation.cpp
    experiment/training_data.cpp)
