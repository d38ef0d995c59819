#include <emrctl/jobs/local_layout.hpp>

namespace emrctl::jobs {

LocalLayout::LocalLayout(std::filesystem::path project_dir)
    : m_root(std::filesystem::absolute(project_dir) / ".emrctl" / "local") {}

std::filesystem::path LocalLayout::step_logs(const std::string& step_id) const {
    return logs_bucket() / k_local_cluster_id / "steps" / step_id;
}

config::BucketUris LocalLayout::uris() const {
    return {file_uri(data_bucket())};
}

std::string file_uri(const std::filesystem::path& absolute) {
    return "file://" + absolute.lexically_normal().generic_string();
}

}  // namespace emrctl::jobs
