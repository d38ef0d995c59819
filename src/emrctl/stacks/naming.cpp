#include <emrctl/stacks/naming.hpp>

namespace emrctl::stacks {

std::string emr_stack_name(const config::Project& p) {
    return p.name;
}
std::string data_bucket_name(const config::Project& p) {
    return p.name + "-data-" + p.suffix;
}
std::string logs_bucket_name(const config::Project& p) {
    return p.name + "-logs-" + p.suffix;
}
std::string export_name(const config::Project& p, const std::string& output) {
    return p.name + ":" + output;
}

}  // namespace emrctl::stacks
