#pragma once

// CloudFormation ListStackResources: the resources of a stack with their physical ids, a page at a
// time (DescribeStackResources stops at 100 resources, so it is not used). Destroy uses it to
// find the cluster, the security groups and the retained buckets.

#include <optional>
#include <string>
#include <vector>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/timestamp.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::cloudformation {

struct StackResourceSummary {
    std::string logical_id;
    std::string physical_id;
    std::string resource_type;
    std::string status;
    std::string status_reason;
    std::optional<protocol::Timestamp> last_updated;
};

struct ListStackResourcesInput {
    std::string stack_name;
    std::string next_token;
};

struct ListStackResourcesOutput {
    std::vector<StackResourceSummary> resources;
    std::string next_token;
};

HttpRequest make_list_stack_resources_request(const ListStackResourcesInput& input,
                                              const protocol::Endpoint& endpoint);
Result<ListStackResourcesOutput> parse_list_stack_resources_response(
    const protocol::HttpResponse& response);

}  // namespace emrctl::aws::cloudformation
