#pragma once

// The project's stacks, built from its resource sets: today one, the EMR on EC2 stack.

#include <string>
#include <vector>

#include <emrctl/cfn/template.hpp>
#include <emrctl/config/project.hpp>

namespace emrctl::stacks {

struct Stack {
    std::string name;
    cfn::Template body;
};

// Every stack of a validated project, in deployment order.
std::vector<Stack> synthesize(const config::Project& p);

}  // namespace emrctl::stacks
