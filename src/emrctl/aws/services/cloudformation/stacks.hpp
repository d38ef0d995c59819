#pragma once

// CloudFormation stacks: their status and outputs (DescribeStacks), their deletion (DeleteStack),
// and the one error every stack call can give, "Stack with id X does not exist", as an outcome.

#include <optional>
#include <string>
#include <vector>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/timestamp.hpp>
#include <emrctl/aws/services/cloudformation/stack_fields.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::cloudformation {

struct StackOutput {
    std::string key;
    std::string value;
    std::string description;
    std::string export_name;  // empty when not exported
};

struct Stack {
    std::string stack_id;
    std::string stack_name;
    std::string status;  // "CREATE_COMPLETE", "UPDATE_ROLLBACK_FAILED", "REVIEW_IN_PROGRESS"…
    std::string status_reason;
    std::string description;
    std::optional<protocol::Timestamp> creation_time;
    std::optional<protocol::Timestamp> last_updated_time;
    std::vector<StackOutput> outputs;
    std::vector<Parameter> parameters;
    std::vector<Tag> tags;
};

struct DescribeStacksInput {
    std::string stack_name;  // a name or an ARN; empty: every stack of the account and region
    std::string next_token;
};

struct DescribeStacksOutput {
    // Empty when stack_name names a stack that does not exist: DescribeStacks answers that with a
    // ValidationError, which the parser turns into this.
    std::vector<Stack> stacks;
    std::string next_token;
};

HttpRequest make_describe_stacks_request(const DescribeStacksInput& input,
                                         const protocol::Endpoint& endpoint);
Result<DescribeStacksOutput> parse_describe_stacks_response(const protocol::HttpResponse& response);

struct DeleteStackInput {
    std::string stack_name;
    // Logical ids to keep; only honoured for a stack in DELETE_FAILED.
    std::vector<std::string> retain_resources;
    std::string client_token;  // ClientRequestToken
};

// Deleting a stack that does not exist succeeds: CloudFormation answers 200.
HttpRequest make_delete_stack_request(const DeleteStackInput& input,
                                      const protocol::Endpoint& endpoint);
Result<void> parse_delete_stack_response(const protocol::HttpResponse& response);

// "Stack with id X does not exist" (a ValidationError, HTTP 400), from any stack call:
// DescribeStackEvents, GetTemplate, ListStackResources, CreateChangeSet of type UPDATE…
bool is_stack_missing(const Error& error);

}  // namespace emrctl::aws::cloudformation
