#include <emrctl/config/file_facts.hpp>
#include <emrctl/config/project.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::config {

bool is_s3_uri(const std::string& path) {
    return path.starts_with("s3://");
}

std::string normalize_path(const std::string& path) {
    if (is_s3_uri(path)) return path;
    std::string out = path.starts_with('/') ? "/" : "";
    for (const auto& part : util::split(path, '/')) {
        if (part.empty() || part == ".") continue;
        if (!out.empty() && out != "/") out += '/';
        out += part;
    }
    return out;
}

void normalize_paths(Project& project) {
    for (auto& script : project.cluster.bootstrap)
        script = normalize_path(script);
    for (auto& job : project.jobs) {
        job.script = normalize_path(job.script);
        if (job.data) job.data = normalize_path(*job.data);
    }
}

std::vector<std::string> named_paths(const Project& project) {
    std::vector<std::string> paths;
    auto add = [&](const std::string& path) {
        if (!path.empty() && !is_s3_uri(path)) paths.push_back(path);
    };
    for (const auto& script : project.cluster.bootstrap)
        add(script);
    for (const auto& job : project.jobs) {
        add(job.script);
        if (job.data) add(*job.data);
    }
    if (project.requirements) add(*project.requirements);
    return paths;
}

}  // namespace emrctl::config
