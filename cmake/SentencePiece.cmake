# Finds the project-local SentencePiece built by scripts/build-sentencepiece.sh and defines the imported
# target mtrec::sentencepiece (processor + trainer).
#
# A SentencePiece that bundles its own protobuf-lite (Debian's libsentencepiece0 does, and exports the
# symbols) makes any process that also loads libtorch crash at start-up, because libtorch uses the system
# protobuf. We refuse such a library here instead of building something that segfaults.

set(MTREC_SENTENCEPIECE_PREFIX "${PROJECT_SOURCE_DIR}/.deps/sentencepiece"
    CACHE PATH "Prefix of a SentencePiece built against the system protobuf")

find_path(SENTENCEPIECE_INCLUDE_DIR sentencepiece_processor.h
          PATHS "${MTREC_SENTENCEPIECE_PREFIX}/include" NO_DEFAULT_PATH)
find_library(SENTENCEPIECE_LIBRARY sentencepiece
             PATHS "${MTREC_SENTENCEPIECE_PREFIX}/lib" NO_DEFAULT_PATH)
find_library(SENTENCEPIECE_TRAIN_LIBRARY sentencepiece_train
             PATHS "${MTREC_SENTENCEPIECE_PREFIX}/lib" NO_DEFAULT_PATH)

if(NOT SENTENCEPIECE_INCLUDE_DIR OR NOT SENTENCEPIECE_LIBRARY OR NOT SENTENCEPIECE_TRAIN_LIBRARY)
    message(FATAL_ERROR
        "SentencePiece not found in ${MTREC_SENTENCEPIECE_PREFIX}.\n"
        "Run scripts/build-sentencepiece.sh (the README's commands do it for you): it builds "
        "SentencePiece 0.1.97 against the system protobuf.")
endif()

include(SentencePieceProtobufCheck)
mtrec_refuse_bundled_protobuf("${SENTENCEPIECE_LIBRARY}")
mtrec_refuse_bundled_protobuf("${SENTENCEPIECE_TRAIN_LIBRARY}")

find_package(Protobuf REQUIRED)

# The version, for the About box: the pkg-config file the build installed says it.
set(MTREC_SENTENCEPIECE_VERSION "unknown")
if(EXISTS "${MTREC_SENTENCEPIECE_PREFIX}/lib/pkgconfig/sentencepiece.pc")
    file(STRINGS "${MTREC_SENTENCEPIECE_PREFIX}/lib/pkgconfig/sentencepiece.pc" _spm_version
         REGEX "^Version:")
    string(REGEX REPLACE "^Version: *" "" MTREC_SENTENCEPIECE_VERSION "${_spm_version}")
endif()

add_library(mtrec::sentencepiece INTERFACE IMPORTED)
set_target_properties(mtrec::sentencepiece PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${SENTENCEPIECE_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${SENTENCEPIECE_TRAIN_LIBRARY};${SENTENCEPIECE_LIBRARY};protobuf::libprotobuf-lite")
message(STATUS "SentencePiece: ${SENTENCEPIECE_LIBRARY} (system protobuf ${Protobuf_VERSION})")
