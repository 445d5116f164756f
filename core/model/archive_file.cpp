#include "model/archive_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <c10/util/Exception.h>
#include <torch/serialize/output-archive.h>

namespace mtrec::model {

Status saveArchive(torch::serialize::OutputArchive& archive, const std::string& path) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "wb"),
                                                         &std::fclose);
    if (!file) return Error{path + ": cannot write: " + std::strerror(errno)};
    int failure = 0;  // errno of the first failed write; later pieces are skipped
    try {
        // Every piece is reported as written, so LibTorch's writer never throws (from its
        // destructor, fatally); the first failure is kept and reported below.
        archive.save_to([&](const void* data, std::size_t size) -> std::size_t {
            if (failure == 0 && std::fwrite(data, 1, size, file.get()) != size)
                failure = errno != 0 ? errno : EIO;
            return size;
        });
    } catch (const c10::Error& error) {
        const std::string what = error.what();
        return Error{path + ": cannot write: " + what.substr(0, what.find('\n'))};
    }
    if (failure == 0 && std::fflush(file.get()) != 0) failure = errno != 0 ? errno : EIO;
    if (failure == 0 && std::fclose(file.release()) != 0) failure = errno != 0 ? errno : EIO;
    if (failure != 0) return Error{path + ": cannot write: " + std::strerror(failure)};
    return success();
}

}  // namespace mtrec::model
