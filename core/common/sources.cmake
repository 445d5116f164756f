target_sources(mtrec_core PRIVATE common/result.h)
target_sources(mtrec_core PRIVATE common/pause_point.h common/pause_point.cpp)
