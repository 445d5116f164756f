target_sources(mtrec_core PRIVATE)
