#pragma once

// Least-privilege roles: the EMR service role on AmazonEMRServicePolicy_v2, the instance role of
// the cluster's nodes (the project's buckets and Session Manager, nothing else), and the role EMR
// Notebooks use.

#include <emrctl/cfn/template.hpp>
#include <emrctl/config/project.hpp>
#include <emrctl/stacks/storage.hpp>

namespace emrctl::stacks {

struct IamRefs {
    cfn::ResourceRef service_role;
    cfn::ResourceRef instance_role;
    cfn::ResourceRef instance_profile;
    cfn::ResourceRef notebook_role;
};

IamRefs add_iam(cfn::Template& t, const config::Project& p, const StorageRefs& storage);

// Buckets the jobs read besides the project's own: existing_data_buckets and the buckets of
// every s3:// script and data location, each once, in order of first mention.
std::vector<std::string> external_buckets(const config::Project& p);

}  // namespace emrctl::stacks
