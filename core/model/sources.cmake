target_sources(mtrec_model PRIVATE
    model/archive_file.cpp model/archive_file.h
    model/attention_kernel.cpp model/attention_kernel.h
    model/dropout.cpp model/dropout.h
    model/embeddings.cpp model/embeddings.h
    model/encoder.cpp model/encoder.h
    model/encoder_checkpoint.cpp model/encoder_checkpoint.h
    model/encoder_config.cpp model/encoder_config.h
    model/feed_forward.cpp model/feed_forward.h
    model/gelu.cpp model/gelu.h
    model/gemm.cpp model/gemm.h
    model/huggingface_encoder.cpp model/huggingface_encoder.h
    model/layer_norm.cpp model/layer_norm.h
    model/linear.cpp model/linear.h
    model/matmul_precision.cpp model/matmul_precision.h
    model/pooling.cpp model/pooling.h
    model/safetensors.cpp model/safetensors.h
    model/self_attention.cpp model/self_attention.h
    model/text_embedder.cpp model/text_embedder.h
    model/transformer_layer.cpp model/transformer_layer.h)

# oneDNN's sgemm (gemm.h): LibTorch links libdnnl, but Debian ships no headers for it, so gemm.cpp
# declares the one C function it calls. Without the library, gemm.cpp falls back to ATen's mm.
find_library(MTREC_DNNL_LIBRARY NAMES dnnl libdnnl.so.2 libdnnl.so.3)
if(MTREC_DNNL_LIBRARY)
    set_source_files_properties(model/gemm.cpp PROPERTIES COMPILE_DEFINITIONS MTREC_HAVE_DNNL_SGEMM)
    target_link_libraries(mtrec_model PUBLIC "${MTREC_DNNL_LIBRARY}")
    message(STATUS "model: sgemm through oneDNN (${MTREC_DNNL_LIBRARY})")
else()
    message(STATUS "model: oneDNN not found, sgemm falls back to ATen's mm (slow reference BLAS)")
endif()

# LibTorch runs on OpenMP (libgomp). at::parallel_for is a header template whose OpenMP backend
# compiles to a plain serial loop unless the including file is built with -fopenmp: without it the
# dropout masks, the attention kernel and the embedder's tokenisation ran on one core. SerialGemmScope
# (gemm.h) sets the OpenMP thread count of the same runtime. Left out under ThreadSanitizer, which
# cannot see libgomp's synchronisation (the loops then run serially, as before).
find_package(OpenMP REQUIRED COMPONENTS CXX)
target_link_libraries(mtrec_model PUBLIC ${OpenMP_CXX_LIBRARIES})
if(NOT MTREC_SANITIZE MATCHES "thread")
    target_compile_options(mtrec_model PRIVATE ${OpenMP_CXX_FLAGS})
endif()

# The dropout mask's hash loop and the GELU's vectorise only at -O3 (GCC 12's -O2 leaves the
# dropout loop scalar: 4 times slower).
set_source_files_properties(model/dropout.cpp model/gelu.cpp PROPERTIES COMPILE_OPTIONS "-O3")
