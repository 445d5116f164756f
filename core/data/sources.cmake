target_sources(mtrec_data PRIVATE
    data/retrieval_suite.h
    data/trec_types.h
    data/trec_files.h data/trec_files.cpp
    data/squad_paragraphs.h data/squad_paragraphs.cpp
    data/sentence_spans.h data/sentence_spans.cpp
    data/parallel_answers.h data/parallel_answers.cpp
    data/dataset_dir.h data/dataset_dir.cpp
    data/xquad_r_reader.h data/xquad_r_reader.cpp
    data/lareqa_sentences.h data/lareqa_sentences.cpp
    data/lareqa_mlqa_r_reader.h data/lareqa_mlqa_r_reader.cpp
    data/sentence_splitter.h data/sentence_splitter.cpp
    data/mlqa_r_reader.h data/mlqa_r_reader.cpp
    data/passage_corpus.h data/passage_corpus.cpp
    data/miracl_reader.h data/miracl_reader.cpp)
target_sources(mtrec_data PRIVATE
    data/training_pair.h
    data/pair_pool.h)
target_sources(mtrec_data PRIVATE
    data/pair_pool.cpp
    data/parallel_pairs.h data/parallel_pairs.cpp
    data/parallel_qa_pairs.h data/parallel_qa_pairs.cpp
    data/jsonl_pairs.h data/jsonl_pairs.cpp
    data/parallel_text.h data/parallel_text.cpp
    data/pair_selection.h data/pair_selection.cpp)
