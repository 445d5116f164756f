target_sources(mtrec_analysis PRIVATE
    analysis/significance.h analysis/significance.cpp
    analysis/seed_groups.h analysis/seed_groups.cpp
    analysis/run_comparison.h analysis/run_comparison.cpp
    analysis/grid_analysis.h analysis/grid_analysis.cpp
    analysis/baseline_comparison.h analysis/baseline_comparison.cpp
    analysis/setting_comparison.h analysis/setting_comparison.cpp
    analysis/compare_summary.h analysis/compare_summary.cpp)
