#pragma once

// Names of everything emrctl creates, derived from the project's name and naming suffix.

#include <string>

#include <emrctl/config/project.hpp>

namespace emrctl::stacks {

// The tag AmazonEMRServicePolicy_v2 requires on every subnet and security group EMR uses.
inline constexpr const char* k_emr_managed_tag = "for-use-with-amazon-emr-managed-policies";
// Marks every resource with its project, for cost reports and for destroy.
inline constexpr const char* k_project_tag = "emrctl:project";

std::string emr_stack_name(const config::Project& p);    // "siads516"
std::string data_bucket_name(const config::Project& p);  // "siads516-data-k3j9x0ab"
std::string logs_bucket_name(const config::Project& p);  // "siads516-logs-k3j9x0ab"
// An export name other stacks import: "siads516:VpcId".
std::string export_name(const config::Project& p, const std::string& output);

}  // namespace emrctl::stacks
