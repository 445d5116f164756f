target_sources(mtrec_report PRIVATE
    report/csv_writer.h report/csv_writer.cpp
    report/evaluation_csv.h report/evaluation_csv.cpp
    report/evaluation_table.h report/evaluation_table.cpp
    report/table_format.h report/table_format.cpp
    report/run_tables.h report/run_tables.cpp
    report/run_export.h report/run_export.cpp
    report/protocol_table.h report/protocol_table.cpp)
