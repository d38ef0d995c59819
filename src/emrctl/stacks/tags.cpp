#include <emrctl/stacks/naming.hpp>
#include <emrctl/stacks/tags.hpp>

namespace emrctl::stacks {

cfn::List tags(const config::Project& p, const std::string& name,
               const std::vector<std::pair<std::string, std::string>>& extra) {
    cfn::List out{cfn::Map{{"Key", k_project_tag}, {"Value", p.name}}};
    if (!name.empty()) out.push_back(cfn::Map{{"Key", "Name"}, {"Value", p.name + "-" + name}});
    for (const auto& [key, value] : extra)
        out.push_back(cfn::Map{{"Key", key}, {"Value", value}});
    return out;
}

}  // namespace emrctl::stacks
