#pragma once

// VPC endpoints: an S3 gateway endpoint, so cluster traffic to S3 bypasses the NAT (faster, and
// no NAT data charges), and the interface endpoints Session Manager needs to reach instances in
// private subnets without SSH.

#include <vector>

#include <emrctl/cfn/template.hpp>
#include <emrctl/config/project.hpp>
#include <emrctl/stacks/network.hpp>

namespace emrctl::stacks {

// The endpoints the cluster should wait for.
std::vector<cfn::ResourceRef> add_endpoints(cfn::Template& t, const config::Project& p,
                                            const NetworkRefs& network);

}  // namespace emrctl::stacks
