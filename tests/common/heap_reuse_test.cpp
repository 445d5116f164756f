#include "common/heap_reuse.h"

#include <cstdlib>
#include <cstring>

#include <gtest/gtest.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace mtrec {
namespace {

// An 8 MiB block, the size of a default step's feed-forward activations: glibc's default would map
// it on its own (128 KiB threshold) and unmap it on free, so that its next use faults again.
TEST(HeapReuse, AnActivationSizedBlockComesFromTheHeapAndStaysThereAfterFree) {
#if !defined(__GLIBC__) || defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "glibc's own malloc only (AddressSanitizer replaces it)";
#else
    keepFreedMemoryForReuse();
    const std::size_t size = std::size_t{8} << 20;
    const struct mallinfo2 before = mallinfo2();
    void* block = std::malloc(size);
    ASSERT_NE(block, nullptr);
    std::memset(block, 1, size);
    EXPECT_EQ(mallinfo2().hblkhd, before.hblkhd) << "the block was mapped on its own";
    std::free(block);
    EXPECT_GE(mallinfo2().fordblks, size) << "the freed block was handed back to the kernel";
#endif
}

}  // namespace
}  // namespace mtrec
