target_sources(mtrec_core PRIVATE report/csv_writer.h report/csv_writer.cpp)
