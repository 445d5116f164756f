target_sources(mtrec_core PRIVATE
    data/retrieval_suite.h
    data/trec_types.h
    data/trec_files.h data/trec_files.cpp
    data/line_reader.h data/line_reader.cpp)
