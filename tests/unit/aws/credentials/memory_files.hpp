#pragma once

// Files held in memory, for the tests that only need the credential logic to see some files.

#include <map>
#include <string>

#include <emrctl/aws/credentials/file_access.hpp>

namespace emrctl::aws::testing {

class MemoryFiles final : public FileAccess {
  public:
    void put(const std::string& path, std::string content) { m_files[path] = std::move(content); }

    Result<std::optional<std::string>> read(const std::filesystem::path& path) const override {
        const auto it = m_files.find(path.string());
        if (it == m_files.end()) return std::optional<std::string>{};
        return std::optional<std::string>{it->second};
    }

    Result<void> write_private(const std::filesystem::path& path,
                               std::string_view content) const override {
        m_files[path.string()] = std::string(content);
        ++m_writes;
        return ok();
    }

    const std::map<std::string, std::string>& files() const { return m_files; }
    int writes() const { return m_writes; }

  private:
    // Written through the const interface, as the disk is.
    mutable std::map<std::string, std::string> m_files;
    mutable int m_writes = 0;
};

}  // namespace emrctl::aws::testing
