#include <emrctl/aws/protocol/aws_error.hpp>
#include <emrctl/aws/protocol/query_request.hpp>
#include <emrctl/aws/protocol/query_response.hpp>
#include <emrctl/aws/services/cloudformation/change_sets.hpp>
#include <emrctl/aws/services/cloudformation/cloudformation_protocol.hpp>
#include <emrctl/util/overloaded.hpp>

namespace emrctl::aws::cloudformation {

namespace {

constexpr auto k_create = operation("CreateChangeSet");
constexpr auto k_describe = operation("DescribeChangeSet");
constexpr auto k_execute = operation("ExecuteChangeSet");
constexpr auto k_delete = operation("DeleteChangeSet");

std::string capability_name(Capability capability) {
    switch (capability) {
        case Capability::iam:
            return "CAPABILITY_IAM";
        case Capability::named_iam:
            return "CAPABILITY_NAMED_IAM";
        case Capability::auto_expand:
            return "CAPABILITY_AUTO_EXPAND";
    }
    return {};
}

ResourceChange read_resource_change(pugi::xml_node node) {
    using protocol::text_at;
    ResourceChange change{.action = text_at(node, "Action"),
                          .logical_id = text_at(node, "LogicalResourceId"),
                          .physical_id = text_at(node, "PhysicalResourceId"),
                          .resource_type = text_at(node, "ResourceType"),
                          .replacement = text_at(node, "Replacement"),
                          .scope = protocol::member_texts(node, "Scope")};
    for (const auto detail :
         protocol::children_named(protocol::node_at(node, "Details"), "member")) {
        change.details.push_back(
            {.attribute = text_at(detail, "Target/Attribute"),
             .name = text_at(detail, "Target/Name"),
             .requires_recreation = text_at(detail, "Target/RequiresRecreation"),
             .evaluation = text_at(detail, "Evaluation"),
             .change_source = text_at(detail, "ChangeSource"),
             .causing_entity = text_at(detail, "CausingEntity")});
    }
    return change;
}

void add_change_set_names(protocol::QueryParams& params, const std::string& change_set_name,
                          const std::string& stack_name) {
    params.add("ChangeSetName", change_set_name);
    if (!stack_name.empty()) params.add("StackName", stack_name);
}

std::string change_set_type_name(ChangeSetType type) {
    switch (type) {
        case ChangeSetType::create:
            return "CREATE";
        case ChangeSetType::update:
            return "UPDATE";
        case ChangeSetType::import_resources:
            return "IMPORT";
    }
    return "UPDATE";
}

}  // namespace

HttpRequest make_create_change_set_request(const CreateChangeSetInput& input,
                                           const protocol::Endpoint& endpoint) {
    protocol::QueryParams params;
    params.add("StackName", input.stack_name);
    params.add("ChangeSetName", input.change_set_name);
    std::visit(util::Overloaded{
                   [&](const TemplateBody& body) { params.add("TemplateBody", body.text); },
                   [&](const TemplateUrl& url) { params.add("TemplateURL", url.url); },
               },
               input.template_source);
    if (!input.parameters.empty()) add_parameters(params, input.parameters);
    if (!input.capabilities.empty()) {
        std::vector<std::string> names;
        for (const auto capability : input.capabilities)
            names.push_back(capability_name(capability));
        params.add_list("Capabilities", names);
    }
    params.add("ChangeSetType", change_set_type_name(input.type));
    for (std::size_t i = 0; i < input.resources_to_import.size(); ++i) {
        const auto& r = input.resources_to_import[i];
        const auto member = "ResourcesToImport.member." + std::to_string(i + 1) + ".";
        params.add(member + "ResourceType", r.resource_type);
        params.add(member + "LogicalResourceId", r.logical_id);
        for (std::size_t k = 0; k < r.identifier.size(); ++k) {
            const auto entry = member + "ResourceIdentifier.entry." + std::to_string(k + 1) + ".";
            params.add(entry + "key", r.identifier[k].first);
            params.add(entry + "value", r.identifier[k].second);
        }
    }
    if (!input.tags.empty()) add_tags(params, input.tags);
    if (!input.client_token.empty()) params.add("ClientToken", input.client_token);
    if (!input.description.empty()) params.add("Description", input.description);
    return protocol::make_query_request(endpoint, k_create.name, k_api_version, params);
}

Result<CreateChangeSetOutput> parse_create_change_set_response(
    const protocol::HttpResponse& response) {
    auto answer = protocol::read_query_response(k_create, response);
    if (!answer) return std::unexpected(std::move(answer.error()));
    CreateChangeSetOutput out{.id = protocol::text_at(answer->result, "Id"),
                              .stack_id = protocol::text_at(answer->result, "StackId")};
    if (out.id.empty()) {
        return std::unexpected(
            protocol::malformed_response(k_create, response, "no change set Id"));
    }
    return out;
}

HttpRequest make_describe_change_set_request(const DescribeChangeSetInput& input,
                                             const protocol::Endpoint& endpoint) {
    protocol::QueryParams params;
    add_change_set_names(params, input.change_set_name, input.stack_name);
    if (!input.next_token.empty()) params.add("NextToken", input.next_token);
    return protocol::make_query_request(endpoint, k_describe.name, k_api_version, params);
}

Result<DescribeChangeSetOutput> parse_describe_change_set_response(
    const protocol::HttpResponse& response) {
    auto answer = protocol::read_query_response(k_describe, response);
    if (!answer) return std::unexpected(std::move(answer.error()));
    using protocol::text_at;
    const auto result = answer->result;
    DescribeChangeSetOutput out{
        .change_set_id = text_at(result, "ChangeSetId"),
        .change_set_name = text_at(result, "ChangeSetName"),
        .stack_id = text_at(result, "StackId"),
        .stack_name = text_at(result, "StackName"),
        .status = text_at(result, "Status"),
        .status_reason = text_at(result, "StatusReason"),
        .execution_status = text_at(result, "ExecutionStatus"),
        .creation_time = protocol::iso8601_at(result, "CreationTime"),
        .parameters = read_parameters(protocol::node_at(result, "Parameters")),
        .next_token = text_at(result, "NextToken")};
    out.outcome = change_set_outcome(out.status, out.execution_status, out.status_reason);
    for (const auto member :
         protocol::children_named(protocol::node_at(result, "Changes"), "member")) {
        // Type is "Resource" for every change today; a kind without a ResourceChange is skipped.
        if (!member.child("ResourceChange")) continue;
        out.changes.push_back(read_resource_change(member.child("ResourceChange")));
    }
    return out;
}

bool is_no_changes_reason(std::string_view status_reason) {
    return status_reason.find("didn't contain changes") != std::string_view::npos ||
           status_reason.find("No updates are to be performed") != std::string_view::npos;
}

ChangeSetOutcome change_set_outcome(std::string_view status, std::string_view execution_status,
                                    std::string_view status_reason) {
    if (status == "CREATE_PENDING" || status == "CREATE_IN_PROGRESS") {
        return ChangeSetOutcome::pending;
    }
    if (status == "CREATE_COMPLETE") {
        return execution_status == "AVAILABLE" ? ChangeSetOutcome::ready : ChangeSetOutcome::other;
    }
    if (status == "FAILED") {
        return is_no_changes_reason(status_reason) ? ChangeSetOutcome::no_changes
                                                   : ChangeSetOutcome::failed;
    }
    return ChangeSetOutcome::other;
}

HttpRequest make_execute_change_set_request(const ExecuteChangeSetInput& input,
                                            const protocol::Endpoint& endpoint) {
    protocol::QueryParams params;
    add_change_set_names(params, input.change_set_name, input.stack_name);
    if (!input.client_token.empty()) params.add("ClientRequestToken", input.client_token);
    return protocol::make_query_request(endpoint, k_execute.name, k_api_version, params);
}

Result<void> parse_execute_change_set_response(const protocol::HttpResponse& response) {
    return protocol::check_query_response(k_execute, response);
}

HttpRequest make_delete_change_set_request(const DeleteChangeSetInput& input,
                                           const protocol::Endpoint& endpoint) {
    protocol::QueryParams params;
    add_change_set_names(params, input.change_set_name, input.stack_name);
    return protocol::make_query_request(endpoint, k_delete.name, k_api_version, params);
}

Result<void> parse_delete_change_set_response(const protocol::HttpResponse& response) {
    return protocol::check_query_response(k_delete, response);
}

}  // namespace emrctl::aws::cloudformation
