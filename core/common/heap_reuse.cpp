#include "common/heap_reuse.h"

#include <cstdlib>  // defines __GLIBC__ where the C library is glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace mtrec {

void keepFreedMemoryForReuse() {
#if defined(__GLIBC__)
    // Setting either value also turns off glibc's dynamic adjustment of both.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
#endif
}

}  // namespace mtrec
