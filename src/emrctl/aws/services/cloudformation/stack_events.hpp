#pragma once

// CloudFormation DescribeStackEvents: what happened to a stack and its resources, newest first,
// a page at a time. A deploy follows a stack by reading pages until it reaches events it has
// seen; a failure is explained by the events with a *_FAILED status and their reasons.

#include <optional>
#include <string>
#include <vector>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/timestamp.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::cloudformation {

struct StackEvent {
    std::string event_id;
    std::string stack_id;
    std::string stack_name;
    std::optional<protocol::Timestamp> timestamp;
    std::string logical_id;
    std::string physical_id;
    std::string resource_type;  // "AWS::CloudFormation::Stack" for the stack's own events
    std::string status;         // "CREATE_IN_PROGRESS", "CREATE_FAILED"…
    std::string status_reason;
    std::string client_token;  // ClientRequestToken of the call that caused it
};

struct DescribeStackEventsInput {
    std::string stack_name;  // a name or an ARN (an ARN still works once the stack is deleted)
    std::string next_token;
};

struct DescribeStackEventsOutput {
    std::vector<StackEvent> events;  // newest first, as CloudFormation sends them
    std::string next_token;          // older events remain when not empty
};

HttpRequest make_describe_stack_events_request(const DescribeStackEventsInput& input,
                                               const protocol::Endpoint& endpoint);
Result<DescribeStackEventsOutput> parse_describe_stack_events_response(
    const protocol::HttpResponse& response);

}  // namespace emrctl::aws::cloudformation
