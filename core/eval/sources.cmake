target_sources(mtrec_eval PRIVATE
    eval/bm25_index.cpp
    eval/bm25_scorer.cpp
    eval/bounded_step.cpp
    eval/candidate_pool.cpp
    eval/display_names.cpp
    eval/evaluation_step.cpp
    eval/inner_products.cpp
    eval/language_bias.cpp
    eval/metrics.cpp
    eval/parallel_for.cpp
    eval/relevant_ranks.cpp
    eval/suite_evaluation.cpp
    eval/text_analyzer.cpp
    eval/top_k.cpp
    eval/trec_evaluator.cpp
    eval/trec_export.cpp
)
# The relevant-rank count and the top-k filter are the engine's inner loops: -O3 vectorises them
# (RelWithDebInfo is -O2).
set_source_files_properties(eval/relevant_ranks.cpp eval/top_k.cpp PROPERTIES COMPILE_OPTIONS "-O3")
# The dense scores' kernel: -O3, and one fused multiply-add per step wherever the target has FMA
# (inner_products.h: every score is the same chain of operations, whatever the shapes).
set_source_files_properties(eval/inner_products.cpp PROPERTIES COMPILE_OPTIONS "-O3;-ffp-contract=fast")
