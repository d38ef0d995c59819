#pragma once

// The three EMR-managed security groups of a cluster in a private subnet, created by us with
// exactly the rules the EMR Management Guide lists, so that EMR has nothing to add and the stack
// owns every rule it will have to delete.

#include <vector>

#include <emrctl/cfn/template.hpp>
#include <emrctl/config/project.hpp>
#include <emrctl/stacks/network.hpp>

namespace emrctl::stacks {

struct EmrSecurityGroups {
    cfn::ResourceRef primary;
    cfn::ResourceRef core;
    cfn::ResourceRef service_access;
    std::vector<cfn::ResourceRef> rules;  // the cluster must not start before these exist
};

EmrSecurityGroups add_emr_security_groups(cfn::Template& t, const config::Project& p,
                                          const NetworkRefs& network);

}  // namespace emrctl::stacks
