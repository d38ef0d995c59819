#pragma once

// A scratch HOME on the real disk, removed with everything in it when the test ends.

#include <filesystem>
#include <string>

#include <stdlib.h>

namespace emrctl::aws::testing {

class TempHome {
  public:
    TempHome() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "emrctl-home-XXXXXX").string();
        if (::mkdtemp(pattern.data()) != nullptr) m_path = pattern;
    }
    ~TempHome() {
        std::error_code ec;
        if (!m_path.empty()) std::filesystem::remove_all(m_path, ec);
    }
    TempHome(const TempHome&) = delete;
    TempHome& operator=(const TempHome&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::string string() const { return m_path.string(); }

  private:
    std::filesystem::path m_path;
};

}  // namespace emrctl::aws::testing
