target_sources(mtrec_core PRIVATE
    text/batch_encoder.cpp text/batch_encoder.h
    text/sentencepiece_tokenizer.cpp text/sentencepiece_tokenizer.h
    text/sentencepiece_training.cpp text/sentencepiece_training.h
    text/tensor_batch.cpp text/tensor_batch.h
    text/tokenizer.cpp text/tokenizer.h
    text/xlmr_tokenizer.cpp text/xlmr_tokenizer.h)
