# mtrec_refuse_bundled_protobuf(<library>): stops configuration when <library> defines protobuf's own
# MessageLite::ParseFromString, i.e. carries a private protobuf-lite (as Debian's libsentencepiece0 does).
# Such a library in the same process as libtorch (system protobuf) segfaults at start-up.
# Usable from a project (include) and as a script: cmake -DLIBRARY=<lib> -P SentencePieceProtobufCheck.cmake
function(mtrec_refuse_bundled_protobuf library)
    find_program(MTREC_NM nm REQUIRED)
    execute_process(COMMAND "${MTREC_NM}" -D --defined-only "${library}"
                    OUTPUT_VARIABLE symbols RESULT_VARIABLE nm_result ERROR_QUIET)
    if(NOT nm_result EQUAL 0)
        message(FATAL_ERROR "Could not read the symbols of ${library} with nm.")
    endif()
    string(FIND "${symbols}" "_ZN6google8protobuf11MessageLite15ParseFromString" bundled)
    if(NOT bundled EQUAL -1)
        message(FATAL_ERROR
            "${library} bundles its own protobuf-lite and exports its symbols.\n"
            "A process that loads it together with libtorch (which uses the system protobuf) "
            "segfaults at start-up. Build SentencePiece against the system protobuf with "
            "scripts/build-sentencepiece.sh, or point MTREC_SENTENCEPIECE_PREFIX at such a build.")
    endif()
endfunction()

if(CMAKE_SCRIPT_MODE_FILE AND DEFINED LIBRARY)
    mtrec_refuse_bundled_protobuf("${LIBRARY}")
    message(STATUS "${LIBRARY} uses an external protobuf")
endif()
