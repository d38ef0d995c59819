#pragma once

// The files the credential code touches: the shared config and credentials files it reads, and
// the cache of assumed-role credentials it writes. An interface so that the logic can be tested
// on files held in memory.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <emrctl/util/error.hpp>

namespace emrctl::aws {

class FileAccess {
  public:
    virtual ~FileAccess() = default;

    // The whole file, or nullopt when it does not exist (a missing ~/.aws/config is normal).
    // A file that exists but cannot be read is an io error.
    virtual Result<std::optional<std::string>> read(const std::filesystem::path& path) const = 0;

    // Replaces the file so that only its owner may read it (mode 0600, folders created 0700):
    // it holds secrets. Readers see the old content or the new, never half of it.
    virtual Result<void> write_private(const std::filesystem::path& path,
                                       std::string_view content) const = 0;
};

// The real disk.
std::shared_ptr<FileAccess> make_disk_file_access();

}  // namespace emrctl::aws
