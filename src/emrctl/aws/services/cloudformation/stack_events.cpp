#include <emrctl/aws/protocol/query_request.hpp>
#include <emrctl/aws/protocol/query_response.hpp>
#include <emrctl/aws/services/cloudformation/cloudformation_protocol.hpp>
#include <emrctl/aws/services/cloudformation/stack_events.hpp>

namespace emrctl::aws::cloudformation {

namespace {
constexpr auto k_operation = operation("DescribeStackEvents");
}  // namespace

HttpRequest make_describe_stack_events_request(const DescribeStackEventsInput& input,
                                               const protocol::Endpoint& endpoint) {
    protocol::QueryParams params;
    params.add("StackName", input.stack_name);
    if (!input.next_token.empty()) params.add("NextToken", input.next_token);
    return protocol::make_query_request(endpoint, k_operation.name, k_api_version, params);
}

Result<DescribeStackEventsOutput> parse_describe_stack_events_response(
    const protocol::HttpResponse& response) {
    auto answer = protocol::read_query_response(k_operation, response);
    if (!answer) return std::unexpected(std::move(answer.error()));
    using protocol::text_at;
    DescribeStackEventsOutput out{.next_token = text_at(answer->result, "NextToken")};
    for (const auto member :
         protocol::children_named(protocol::node_at(answer->result, "StackEvents"), "member")) {
        out.events.push_back({.event_id = text_at(member, "EventId"),
                              .stack_id = text_at(member, "StackId"),
                              .stack_name = text_at(member, "StackName"),
                              .timestamp = protocol::iso8601_at(member, "Timestamp"),
                              .logical_id = text_at(member, "LogicalResourceId"),
                              .physical_id = text_at(member, "PhysicalResourceId"),
                              .resource_type = text_at(member, "ResourceType"),
                              .status = text_at(member, "ResourceStatus"),
                              .status_reason = text_at(member, "ResourceStatusReason"),
                              .client_token = text_at(member, "ClientRequestToken")});
    }
    return out;
}

}  // namespace emrctl::aws::cloudformation
