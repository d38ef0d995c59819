#pragma once

// EMR clusters: their state and addresses (DescribeCluster), finding them (ListClusters), and
// terminating them (TerminateJobFlows), which destroy does before deleting the stack.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/timestamp.hpp>
#include <emrctl/aws/services/emr/state_change_reason.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::emr {

struct ClusterTimeline {
    std::optional<protocol::Timestamp> created;
    std::optional<protocol::Timestamp> ready;
    std::optional<protocol::Timestamp> ended;
};

struct Ec2InstanceAttributes {
    std::string subnet_id;
    std::vector<std::string> requested_subnet_ids;
    std::string availability_zone;
    std::string key_name;
    std::string instance_profile;
    std::string primary_security_group;  // EmrManagedMasterSecurityGroup
    std::string core_security_group;     // EmrManagedSlaveSecurityGroup
    std::string service_access_security_group;
    std::vector<std::string> additional_primary_security_groups;
    std::vector<std::string> additional_core_security_groups;
};

struct Cluster {
    std::string id;  // "j-2AXXXXXXGAPLF"
    std::string name;
    std::string arn;
    // "STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING", "TERMINATING", "TERMINATED",
    // "TERMINATED_WITH_ERRORS"
    std::string state;
    StateChangeReason state_change_reason;
    ClusterTimeline timeline;
    std::string log_uri;
    std::string master_public_dns_name;
    std::string release_label;  // "emr-7.14.0"
    Ec2InstanceAttributes ec2;
    bool termination_protected = false;
    std::optional<std::int64_t> normalized_instance_hours;
};

struct DescribeClusterInput {
    std::string cluster_id;
};

HttpRequest make_describe_cluster_request(const DescribeClusterInput& input,
                                          const protocol::Endpoint& endpoint);
Result<Cluster> parse_describe_cluster_response(const protocol::HttpResponse& response);

struct ListClustersInput {
    std::vector<std::string> states;  // ClusterStates filter; empty: every state
    std::optional<protocol::Timestamp> created_after;
    std::string marker;  // the previous page's marker
};

struct ClusterSummary {
    std::string id;
    std::string name;
    std::string arn;
    std::string state;
    StateChangeReason state_change_reason;
    ClusterTimeline timeline;
    std::optional<std::int64_t> normalized_instance_hours;
};

struct ListClustersOutput {
    std::vector<ClusterSummary> clusters;
    std::string marker;  // more pages when not empty
};

HttpRequest make_list_clusters_request(const ListClustersInput& input,
                                       const protocol::Endpoint& endpoint);
Result<ListClustersOutput> parse_list_clusters_response(const protocol::HttpResponse& response);

struct TerminateJobFlowsInput {
    std::vector<std::string> cluster_ids;  // JobFlowIds
};

// Asynchronous: the clusters go TERMINATING; DescribeCluster says when they are TERMINATED.
HttpRequest make_terminate_job_flows_request(const TerminateJobFlowsInput& input,
                                             const protocol::Endpoint& endpoint);
Result<void> parse_terminate_job_flows_response(const protocol::HttpResponse& response);

}  // namespace emrctl::aws::emr
