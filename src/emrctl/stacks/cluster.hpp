#pragma once

// The EMR on EC2 cluster: instance groups in the first private subnet, the project's security
// groups and roles, bootstrap actions from the data bucket, logs to the logs bucket, and
// auto-termination so an idle cluster stops costing money. Jobs are not part of it: they are
// submitted through the EMR API, so a failed job never rolls back the cluster.

#include <vector>

#include <emrctl/cfn/template.hpp>
#include <emrctl/config/project.hpp>
#include <emrctl/stacks/iam.hpp>
#include <emrctl/stacks/network.hpp>
#include <emrctl/stacks/security_groups.hpp>
#include <emrctl/stacks/storage.hpp>

namespace emrctl::stacks {

struct ClusterInputs {
    const NetworkRefs& network;
    const EmrSecurityGroups& security_groups;
    const StorageRefs& storage;
    const IamRefs& iam;
    const std::vector<cfn::ResourceRef>& endpoints;
};

cfn::ResourceRef add_cluster(cfn::Template& t, const config::Project& p, const ClusterInputs& in);

}  // namespace emrctl::stacks
