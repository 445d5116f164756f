#pragma once

#include <filesystem>
#include <string>

namespace mtrec::test {

/// The public datasets folder (../shared/datasets from the repository root, or $MTREC_DATASETS).
/// Returns an empty path when it does not exist; callers GTEST_SKIP() with a message saying so.
std::filesystem::path datasetsDir();

/// A fresh, empty directory under the system temp folder, removed when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    /// Writes `content` to path()/name (creating sub-folders) and returns the full path.
    std::filesystem::path write(const std::string& name, const std::string& content) const;

private:
    std::filesystem::path path_;
};

}  // namespace mtrec::test

/// Skips the current test with a clear message when the public datasets are absent.
#define MTREC_REQUIRE_DATASET(subdir)                                                           \
    const std::filesystem::path datasetRoot = ::mtrec::test::datasetsDir();                    \
    if (datasetRoot.empty() || !std::filesystem::exists(datasetRoot / (subdir)))               \
    GTEST_SKIP() << "public dataset folder '" << (subdir) << "' not found under "              \
                 << (datasetRoot.empty() ? std::string("../shared/datasets") : datasetRoot.string()) \
                 << " (set MTREC_DATASETS to its location to run this test)"
