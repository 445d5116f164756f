#pragma once

namespace mtrec {

/// A crash-test hook: when the environment variable MTREC_TEST_PAUSE_AT names `point` (as
/// "<point>" or "<point>:<n>", the n-th time the process reaches it; n = 1 by default), this writes
/// the process id into the file MTREC_TEST_PAUSE_MARKER names (when set) and then sleeps until the
/// process is killed, so a test can SIGKILL it at exactly that place. Without the variable it only
/// reads the environment once and returns. Thread-safe; points are counted per process.
void pausePoint(const char* point);

/// True when MTREC_TEST_PAUSE_AT names `point` (at any count): callers install costly hooks (an
/// SQLite update hook) only then.
bool pausePointRequested(const char* point);

}  // namespace mtrec
