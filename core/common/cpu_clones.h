#pragma once

// MTREC_CPU_CLONES before a function: GCC x86-64 builds carry AVX-512 and AVX2 (both with FMA)
// clones of it beside the baseline, picked once per process when the library is loaded (an ifunc),
// so every call of a process goes through the same code.
//
// Left out under ThreadSanitizer: the dynamic loader runs the ifunc's resolver while relocating the
// library, before TSan has set itself up, and the resolver, instrumented like any other function,
// crashes inside libtsan (SIGSEGV in elf_machine_lazy_rel before main).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11 && \
    !defined(__SANITIZE_THREAD__)
#define MTREC_CPU_CLONES \
    __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define MTREC_CPU_CLONES
#endif
