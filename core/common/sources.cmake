target_sources(mtrec_core PRIVATE common/result.h)
