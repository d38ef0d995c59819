#include <emrctl/config/bucket_layout.hpp>

namespace emrctl::config {

std::string base_name(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string code_key(const Job& job) {
    return "code/" + base_name(job.script);
}
std::string data_prefix(const Job& job) {
    return "data/" + folder_name(job) + "/";
}
std::string output_prefix(const Job& job) {
    return "outputs/" + folder_name(job);
}
std::string bootstrap_key(const std::string& script) {
    return "bootstrap/" + base_name(script);
}

}  // namespace emrctl::config
