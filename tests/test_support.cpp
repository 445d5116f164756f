#include "test_support.h"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <unistd.h>

namespace mtrec::test {

std::filesystem::path datasetsDir() {
    const char* fromEnv = std::getenv("MTREC_DATASETS");
    std::filesystem::path dir = fromEnv && *fromEnv ? fromEnv : MTREC_DATASETS_DIR;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return {};
    return std::filesystem::canonical(dir, ec);
}

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("mtrec-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::write(const std::string& name, const std::string& content) const {
    const std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    if (!out) throw std::runtime_error("cannot write test file " + file.string());
    out << content;
    return file;
}

}  // namespace mtrec::test
