# Instrumentation of the project's own code: sanitizers (MTREC_SANITIZE) and libFuzzer's coverage
# (MTREC_BUILD_FUZZ). Both go on mtrec_project_options, so every library, executable, test and fuzz
# target gets them; LibTorch, Qt, SQLite and SentencePiece stay uninstrumented (docs/robustness.md
# says what that means and which runtime options scripts/sanitize.sh sets).
set(MTREC_SANITIZE "" CACHE STRING "Sanitizers for every project target: address,undefined | thread")

# mtrec_add_instrumentation(<interface target>): the compile and link flags of MTREC_SANITIZE,
# and when fuzzing, the coverage instrumentation libFuzzer is guided by.
function(mtrec_add_instrumentation target)
    if(MTREC_SANITIZE MATCHES "thread" AND MTREC_SANITIZE MATCHES "address")
        message(FATAL_ERROR "MTREC_SANITIZE=${MTREC_SANITIZE}: ThreadSanitizer cannot be combined "
                            "with AddressSanitizer; build them in separate folders")
    endif()
    if(MTREC_SANITIZE)
        set(flags "-fsanitize=${MTREC_SANITIZE}" -fno-omit-frame-pointer)
        if(MTREC_SANITIZE MATCHES "undefined")
            # UBSan only prints and carries on by default; a test must fail instead.
            list(APPEND flags -fno-sanitize-recover=undefined)
        endif()
        target_compile_options(${target} INTERFACE ${flags})
        target_link_options(${target} INTERFACE "-fsanitize=${MTREC_SANITIZE}")
    endif()
    if(MTREC_BUILD_FUZZ)
        target_compile_options(${target} INTERFACE -fsanitize=fuzzer-no-link)
    endif()
endfunction()

# clang leaves the sanitizer and coverage runtimes' symbols undefined in a shared library, for the
# executable (which links the runtimes) to provide: such libraries cannot be linked with -z defs.
if((MTREC_SANITIZE OR MTREC_BUILD_FUZZ) AND CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    set(MTREC_RUNTIME_IN_EXECUTABLE ON)
else()
    set(MTREC_RUNTIME_IN_EXECUTABLE OFF)
endif()
