#pragma once

// The VPC: one public and one private subnet per AZ, an internet gateway, NAT gateway(s), and
// the routes between them.

#include <vector>

#include <emrctl/cfn/template.hpp>
#include <emrctl/config/project.hpp>

namespace emrctl::stacks {

struct NetworkRefs {
    cfn::ResourceRef vpc;
    std::vector<cfn::ResourceRef> public_subnets;
    std::vector<cfn::ResourceRef> private_subnets;
    std::vector<cfn::ResourceRef> private_route_tables;
    std::vector<cfn::ResourceRef> private_default_routes;  // what instances need before boot
};

NetworkRefs add_network(cfn::Template& t, const config::Project& p);

}  // namespace emrctl::stacks
