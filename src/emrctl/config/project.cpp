#include <emrctl/config/project.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::config {

std::string folder_name(const Job& job) {
    return util::letters_and_digits(job.name);
}

std::string bucket_of(const std::string& uri_or_name) {
    std::string_view s = uri_or_name;
    if (s.starts_with("s3://")) s.remove_prefix(5);
    return std::string(s.substr(0, s.find('/')));
}

}  // namespace emrctl::config
