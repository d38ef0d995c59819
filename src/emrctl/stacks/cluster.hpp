#pragma once

// The EMR on EC2 cluster: instance groups in the first private subnet, the project's security
// groups and roles, bootstrap actions from the data bucket, logs to the logs bucket, and
// auto-termination so an idle cluster stops costing money. Jobs are not part of it: they are
// submitted through the EMR API, so a failed job never rolls back the cluster.
//
// An auto-terminated cluster stays in the stack, ended. The stack parameter ClusterGeneration is
// part of the cluster's name, which CloudFormation cannot change in place: deploy passes a new
// generation when the cluster has ended, and CloudFormation replaces it with a new one.

#include <vector>

#include <emrctl/cfn/template.hpp>
#include <emrctl/config/project.hpp>
#include <emrctl/stacks/iam.hpp>
#include <emrctl/stacks/network.hpp>
#include <emrctl/stacks/security_groups.hpp>
#include <emrctl/stacks/storage.hpp>

namespace emrctl::stacks {

// The stack parameter that numbers the cluster ("1", "2"…), and the output naming the cluster.
inline constexpr const char* k_cluster_generation_parameter = "ClusterGeneration";
inline constexpr const char* k_cluster_id_output = "ClusterId";

struct ClusterInputs {
    const NetworkRefs& network;
    const EmrSecurityGroups& security_groups;
    const StorageRefs& storage;
    const IamRefs& iam;
    const std::vector<cfn::ResourceRef>& endpoints;
};

cfn::ResourceRef add_cluster(cfn::Template& t, const config::Project& p, const ClusterInputs& in);

}  // namespace emrctl::stacks
