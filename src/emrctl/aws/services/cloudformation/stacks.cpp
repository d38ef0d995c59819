#include <emrctl/aws/protocol/query_request.hpp>
#include <emrctl/aws/protocol/query_response.hpp>
#include <emrctl/aws/services/cloudformation/cloudformation_protocol.hpp>
#include <emrctl/aws/services/cloudformation/stacks.hpp>

namespace emrctl::aws::cloudformation {

namespace {

constexpr auto k_describe = operation("DescribeStacks");
constexpr auto k_delete = operation("DeleteStack");

Stack read_stack(pugi::xml_node node) {
    using protocol::text_at;
    Stack stack{.stack_id = text_at(node, "StackId"),
                .stack_name = text_at(node, "StackName"),
                .status = text_at(node, "StackStatus"),
                .status_reason = text_at(node, "StackStatusReason"),
                .description = text_at(node, "Description"),
                .creation_time = protocol::iso8601_at(node, "CreationTime"),
                .last_updated_time = protocol::iso8601_at(node, "LastUpdatedTime"),
                .parameters = read_parameters(protocol::node_at(node, "Parameters")),
                .tags = read_tags(protocol::node_at(node, "Tags"))};
    for (const auto member :
         protocol::children_named(protocol::node_at(node, "Outputs"), "member")) {
        stack.outputs.push_back({.key = text_at(member, "OutputKey"),
                                 .value = text_at(member, "OutputValue"),
                                 .description = text_at(member, "Description"),
                                 .export_name = text_at(member, "ExportName")});
    }
    return stack;
}

}  // namespace

HttpRequest make_describe_stacks_request(const DescribeStacksInput& input,
                                         const protocol::Endpoint& endpoint) {
    protocol::QueryParams params;
    if (!input.stack_name.empty()) params.add("StackName", input.stack_name);
    if (!input.next_token.empty()) params.add("NextToken", input.next_token);
    return protocol::make_query_request(endpoint, k_describe.name, k_api_version, params);
}

Result<DescribeStacksOutput> parse_describe_stacks_response(
    const protocol::HttpResponse& response) {
    auto answer = protocol::read_query_response(k_describe, response);
    if (!answer) {
        if (is_stack_missing(answer.error())) return DescribeStacksOutput{};
        return std::unexpected(std::move(answer.error()));
    }
    DescribeStacksOutput out{.next_token = protocol::text_at(answer->result, "NextToken")};
    for (const auto member :
         protocol::children_named(protocol::node_at(answer->result, "Stacks"), "member")) {
        out.stacks.push_back(read_stack(member));
    }
    return out;
}

HttpRequest make_delete_stack_request(const DeleteStackInput& input,
                                      const protocol::Endpoint& endpoint) {
    protocol::QueryParams params;
    params.add("StackName", input.stack_name);
    if (!input.retain_resources.empty()) params.add_list("RetainResources", input.retain_resources);
    if (!input.client_token.empty()) params.add("ClientRequestToken", input.client_token);
    return protocol::make_query_request(endpoint, k_delete.name, k_api_version, params);
}

Result<void> parse_delete_stack_response(const protocol::HttpResponse& response) {
    return protocol::check_query_response(k_delete, response);
}

bool is_stack_missing(const Error& error) {
    return error.kind == ErrorKind::aws && error.aws && error.aws->code == "ValidationError" &&
           error.aws->message.starts_with("Stack with id ") &&
           error.aws->message.find(" does not exist") != std::string::npos;
}

}  // namespace emrctl::aws::cloudformation
