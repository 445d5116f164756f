target_sources(mtrec_common PRIVATE common/result.h common/choice.h common/thread_count.h
    common/cpu_clones.h)
target_sources(mtrec_common PRIVATE common/pause_point.h common/pause_point.cpp)
target_sources(mtrec_common PRIVATE common/heap_reuse.h common/heap_reuse.cpp)
target_sources(mtrec_common PRIVATE
    common/cancel_token.h
    common/progress.h common/progress.cpp
    common/progress_throttle.h common/progress_throttle.cpp)
target_sources(mtrec_common PRIVATE
    common/json_document.h common/json_document.cpp
    common/json_reader.h common/json_reader.cpp
    common/json_value.h common/json_value.cpp
    common/line_reader.h common/line_reader.cpp
    common/sha256.h common/sha256.cpp
    common/utf8.h common/utf8.cpp)
