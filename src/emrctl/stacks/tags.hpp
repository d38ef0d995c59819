#pragma once

// CloudFormation Tags lists.

#include <string>
#include <utility>
#include <vector>

#include <emrctl/cfn/value.hpp>
#include <emrctl/config/project.hpp>

namespace emrctl::stacks {

// [{Key, Value}...] with the project tag first and a Name tag when `name` is not empty.
cfn::List tags(const config::Project& p, const std::string& name,
               const std::vector<std::pair<std::string, std::string>>& extra = {});

}  // namespace emrctl::stacks
