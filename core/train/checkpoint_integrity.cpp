#include "train/checkpoint_integrity.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "common/sha256.h"

namespace mtrec::train {

namespace fs = std::filesystem;

namespace {

/// The digest of a file read in 1 MiB pieces; nullopt when it cannot be read.
std::optional<std::string> fileDigest(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    Sha256 hash;
    std::string buffer(1 << 20, '\0');
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0)
        hash.update(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
    if (in.bad()) return std::nullopt;
    return hash.hexDigest();
}

/// One line of kChecksumFile.
struct Listed {
    std::string digest;
    std::uintmax_t size = 0;
    std::string name;
};

std::optional<Listed> parseLine(const std::string& line) {
    std::istringstream in(line);
    Listed listed;
    if (!(in >> listed.digest >> listed.size >> listed.name) || listed.digest.size() != 64 ||
        listed.name.find('/') != std::string::npos)
        return std::nullopt;
    return listed;
}

Status checkListed(const fs::path& folder, const Listed& listed) {
    const fs::path file = folder / listed.name;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        return Error{file.string() + ": damaged checkpoint: the file is missing"};
    const std::uintmax_t size = fs::file_size(file, ec);
    if (size != listed.size)
        return Error{file.string() + ": damaged checkpoint: " + std::to_string(size) + " bytes, " +
                     std::to_string(listed.size) + " when written (" +
                     (size < listed.size ? "truncated" : "grown") + ")"};
    const std::optional<std::string> digest = fileDigest(file);
    if (!digest) return Error{file.string() + ": damaged checkpoint: the file cannot be read"};
    if (*digest != listed.digest)
        return Error{file.string() + ": damaged checkpoint: its SHA-256 differs from the one " +
                     "recorded when it was written (the bytes changed: a flipped bit or an " +
                     "overwrite)"};
    return success();
}

}  // namespace

Status writeChecksums(const std::string& folder) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec))
        if (entry.is_regular_file() && entry.path().filename() != kChecksumFile)
            files.push_back(entry.path());
    if (ec) return Error{folder + ": cannot list: " + ec.message()};
    std::sort(files.begin(), files.end());
    std::string text;
    for (const fs::path& file : files) {
        const std::optional<std::string> digest = fileDigest(file);
        if (!digest) return Error{file.string() + ": cannot read back to checksum"};
        text += *digest + "  " + std::to_string(fs::file_size(file, ec)) + "  " +
                file.filename().string() + "\n";
    }
    const fs::path target = fs::path(folder) / kChecksumFile;
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) return Error{target.string() + ": cannot write"};
    return success();
}

Status verifyChecksums(const std::string& folder) {
    const fs::path listing = fs::path(folder) / kChecksumFile;
    std::error_code ec;
    if (!fs::exists(listing, ec)) return success();
    std::ifstream in(listing, std::ios::binary);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const std::optional<Listed> listed = parseLine(line);
        if (!listed)
            return Error{listing.string() + ":" + std::to_string(number) +
                         ": damaged checkpoint: not '<sha256>  <size>  <file name>'"};
        if (Status checked = checkListed(folder, *listed); !checked) return checked;
    }
    return success();
}

std::vector<std::string> restoreCandidates(const std::string& checkpointDir) {
    std::ifstream latest(fs::path(checkpointDir) / "latest");
    std::string named;
    std::getline(latest, named);
    std::vector<std::string> names;
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(checkpointDir, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_directory() && name.rfind("step-", 0) == 0 && name <= named)
            names.push_back(name);
    }
    // Zero-padded step numbers sort by step; without the folder `latest` names there is none.
    std::sort(names.rbegin(), names.rend());
    if (names.empty() || names.front() != named) return {};
    std::vector<std::string> folders;
    for (const std::string& name : names)
        folders.push_back((fs::path(checkpointDir) / name).string());
    return folders;
}

}  // namespace mtrec::train
