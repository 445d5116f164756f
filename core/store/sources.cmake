target_sources(mtrec_store PRIVATE
    store/database.h store/database.cpp
    store/database_file_check.h store/database_file_check.cpp
    store/statement.h store/statement.cpp
    store/sql_guard.h
    store/schema.h store/schema.cpp
    store/process_identity.h store/process_identity.cpp
    store/run_record.h store/run_record.cpp
    store/run_repository.h store/run_repository.cpp
    store/eval_cell.h store/eval_cell.cpp
    store/language_grid.h store/language_grid.cpp
    store/result_rows.h
    store/result_repository.h store/result_repository.cpp store/result_grids.cpp
    store/language_diagnostics.h store/result_diagnostics.cpp
    store/change_log.h store/change_log.cpp
    store/metrics_writer.h store/metrics_writer.cpp
    store/training_log.h store/training_log.cpp
    store/run_history.h store/run_history.cpp
    store/suite_record.h store/suite_record.cpp
    store/suite_contamination.h store/suite_contamination.cpp store/result_contamination.cpp
    store/experiment_store.h store/experiment_store.cpp
    store/row_copy.h store/row_copy.cpp
    store/merge_source.h store/merge_source.cpp
    store/store_merge.h store/store_merge.cpp
)
