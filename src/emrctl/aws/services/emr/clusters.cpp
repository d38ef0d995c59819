#include <nlohmann/json.hpp>

#include <emrctl/aws/protocol/aws_error.hpp>
#include <emrctl/aws/protocol/json_reader.hpp>
#include <emrctl/aws/protocol/json_request.hpp>
#include <emrctl/aws/services/emr/clusters.hpp>
#include <emrctl/aws/services/emr/emr_protocol.hpp>

namespace emrctl::aws::emr {

namespace {

constexpr auto k_describe = operation("DescribeCluster");
constexpr auto k_list = operation("ListClusters");
constexpr auto k_terminate = operation("TerminateJobFlows");

using nlohmann::json;
using protocol::json_member;
using protocol::json_string;

ClusterTimeline read_timeline(const json& status) {
    const auto& timeline = json_member(status, "Timeline");
    return {.created = protocol::json_epoch(timeline, "CreationDateTime"),
            .ready = protocol::json_epoch(timeline, "ReadyDateTime"),
            .ended = protocol::json_epoch(timeline, "EndDateTime")};
}

Ec2InstanceAttributes read_ec2(const json& attributes) {
    return {.subnet_id = json_string(attributes, "Ec2SubnetId"),
            .requested_subnet_ids = protocol::json_strings(attributes, "RequestedEc2SubnetIds"),
            .availability_zone = json_string(attributes, "Ec2AvailabilityZone"),
            .key_name = json_string(attributes, "Ec2KeyName"),
            .instance_profile = json_string(attributes, "IamInstanceProfile"),
            .primary_security_group = json_string(attributes, "EmrManagedMasterSecurityGroup"),
            .core_security_group = json_string(attributes, "EmrManagedSlaveSecurityGroup"),
            .service_access_security_group = json_string(attributes, "ServiceAccessSecurityGroup"),
            .additional_primary_security_groups =
                protocol::json_strings(attributes, "AdditionalMasterSecurityGroups"),
            .additional_core_security_groups =
                protocol::json_strings(attributes, "AdditionalSlaveSecurityGroups")};
}

}  // namespace

HttpRequest make_describe_cluster_request(const DescribeClusterInput& input,
                                          const protocol::Endpoint& endpoint) {
    return protocol::make_json_request(endpoint, k_target_prefix, k_describe.name,
                                       {{"ClusterId", input.cluster_id}});
}

Result<Cluster> parse_describe_cluster_response(const protocol::HttpResponse& response) {
    auto body = protocol::read_json_response(k_describe, response);
    if (!body) return std::unexpected(std::move(body.error()));
    const auto& cluster = json_member(*body, "Cluster");
    const auto& status = json_member(cluster, "Status");
    Cluster out{
        .id = json_string(cluster, "Id"),
        .name = json_string(cluster, "Name"),
        .arn = json_string(cluster, "ClusterArn"),
        .state = json_string(status, "State"),
        .state_change_reason = read_state_change_reason(status),
        .timeline = read_timeline(status),
        .log_uri = json_string(cluster, "LogUri"),
        .master_public_dns_name = json_string(cluster, "MasterPublicDnsName"),
        .release_label = json_string(cluster, "ReleaseLabel"),
        .ec2 = read_ec2(json_member(cluster, "Ec2InstanceAttributes")),
        .termination_protected = protocol::json_bool(cluster, "TerminationProtected"),
        .normalized_instance_hours = protocol::json_integer(cluster, "NormalizedInstanceHours")};
    if (out.id.empty()) {
        return std::unexpected(protocol::malformed_response(k_describe, response, "no Cluster.Id"));
    }
    return out;
}

HttpRequest make_list_clusters_request(const ListClustersInput& input,
                                       const protocol::Endpoint& endpoint) {
    json body = json::object();
    if (!input.states.empty()) body["ClusterStates"] = input.states;
    if (input.created_after) {
        // Epoch seconds, the JSON protocols' timestamp form.
        body["CreatedAfter"] =
            static_cast<double>(input.created_after->time_since_epoch().count()) / 1000.0;
    }
    if (!input.marker.empty()) body["Marker"] = input.marker;
    return protocol::make_json_request(endpoint, k_target_prefix, k_list.name, body);
}

Result<ListClustersOutput> parse_list_clusters_response(const protocol::HttpResponse& response) {
    auto body = protocol::read_json_response(k_list, response);
    if (!body) return std::unexpected(std::move(body.error()));
    ListClustersOutput out{.marker = json_string(*body, "Marker")};
    for (const auto* cluster : protocol::json_objects(*body, "Clusters")) {
        const auto& status = json_member(*cluster, "Status");
        out.clusters.push_back({.id = json_string(*cluster, "Id"),
                                .name = json_string(*cluster, "Name"),
                                .arn = json_string(*cluster, "ClusterArn"),
                                .state = json_string(status, "State"),
                                .state_change_reason = read_state_change_reason(status),
                                .timeline = read_timeline(status),
                                .normalized_instance_hours =
                                    protocol::json_integer(*cluster, "NormalizedInstanceHours")});
    }
    return out;
}

HttpRequest make_terminate_job_flows_request(const TerminateJobFlowsInput& input,
                                             const protocol::Endpoint& endpoint) {
    return protocol::make_json_request(endpoint, k_target_prefix, k_terminate.name,
                                       {{"JobFlowIds", input.cluster_ids}});
}

Result<void> parse_terminate_job_flows_response(const protocol::HttpResponse& response) {
    auto body = protocol::read_json_response(k_terminate, response);
    if (!body) return std::unexpected(std::move(body.error()));
    return ok();
}

}  // namespace emrctl::aws::emr
