target_sources(mtrec_core PRIVATE
    report/csv_writer.h report/csv_writer.cpp
    report/evaluation_csv.h report/evaluation_csv.cpp
    report/evaluation_table.h report/evaluation_table.cpp)
