#pragma once

// The local stand-in for a project's buckets (DESIGN.md §6): under .emrctl/local/ each bucket is a
// folder with the same keys, so a job run locally reads and writes where it would on EMR, and
// logs sit where EMR puts them (<logs>/<cluster id>/steps/<step id>/stderr.gz).

#include <filesystem>
#include <string>

#include <emrctl/config/job_contract.hpp>

namespace emrctl::jobs {

inline constexpr const char* k_local_cluster_id = "j-LOCAL";

class LocalLayout {
  public:
    explicit LocalLayout(std::filesystem::path project_dir);

    std::filesystem::path data_bucket() const { return m_root / "s3" / "data"; }
    std::filesystem::path logs_bucket() const { return m_root / "s3" / "logs"; }
    std::filesystem::path runs_file() const { return m_root / "runs.json"; }
    std::filesystem::path step_logs(const std::string& step_id) const;

    // file:// URIs of the data bucket, for the argument contract.
    config::BucketUris uris() const;

  private:
    std::filesystem::path m_root;  // .emrctl/local
};

std::string file_uri(const std::filesystem::path& absolute);

}  // namespace emrctl::jobs
