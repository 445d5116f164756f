target_sources(mtrec_core PRIVATE
    text/sentencepiece_tokenizer.cpp text/sentencepiece_tokenizer.h
    text/sentencepiece_training.cpp text/sentencepiece_training.h
    text/tokenizer.cpp text/tokenizer.h)
