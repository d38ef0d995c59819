#pragma once

// CloudFormation change sets: how emrctl creates and updates every stack, so that a deploy can
// show what will change and an unchanged stack is "no changes" rather than an error.
//
//   CreateChangeSet ─▶ DescribeChangeSet (until ready, failed or no changes) ─▶ ExecuteChangeSet
//                                                    └─ no changes ─▶ DeleteChangeSet

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/timestamp.hpp>
#include <emrctl/aws/services/cloudformation/stack_fields.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::cloudformation {

// The template inline (up to 51,200 bytes) or in S3 (up to 1 MB).
struct TemplateBody {
    std::string text;
};
struct TemplateUrl {
    std::string url;  // https://<bucket>.s3.<region>.amazonaws.com/<key>
};
using TemplateSource = std::variant<TemplateBody, TemplateUrl>;

inline constexpr std::size_t k_max_template_body_bytes = 51'200;

enum class Capability { iam, named_iam, auto_expand };
// import_resources: adopt existing resources (named by ResourcesToImport) into a stack, new or
// not; the template then holds those resources (with a DeletionPolicy) and, for an existing
// stack, what it already has.
enum class ChangeSetType { create, update, import_resources };

// A resource that exists outside CloudFormation, to adopt: its type, the logical id it gets, and
// the properties that identify it (BucketName for AWS::S3::Bucket).
struct ResourceToImport {
    std::string resource_type;
    std::string logical_id;
    std::vector<std::pair<std::string, std::string>> identifier;
};

struct CreateChangeSetInput {
    std::string stack_name;
    std::string change_set_name;
    TemplateSource template_source;
    std::vector<Parameter> parameters;  // none sent when empty
    std::vector<Capability> capabilities;
    ChangeSetType type = ChangeSetType::update;
    std::vector<ResourceToImport> resources_to_import;  // import_resources only
    std::vector<Tag> tags;     // none sent when empty (an update then keeps the stack's tags)
    std::string client_token;  // makes a retried create idempotent; empty: none
    std::string description;
};

struct CreateChangeSetOutput {
    std::string id;        // the change set's ARN
    std::string stack_id;  // the stack's ARN (a CREATE change set makes a REVIEW_IN_PROGRESS stack)
};

HttpRequest make_create_change_set_request(const CreateChangeSetInput& input,
                                           const protocol::Endpoint& endpoint);
Result<CreateChangeSetOutput> parse_create_change_set_response(
    const protocol::HttpResponse& response);

struct DescribeChangeSetInput {
    std::string change_set_name;  // a name (with stack_name) or an ARN
    std::string stack_name;       // empty when change_set_name is an ARN
    std::string next_token;       // the Changes list is paged
};

// One property, attribute or tag that changes.
struct ResourceChangeDetail {
    std::string attribute;            // "Properties", "Metadata", "Tags"…
    std::string name;                 // the property name, for Properties
    std::string requires_recreation;  // "Never", "Conditionally", "Always"
    std::string evaluation;           // "Static", "Dynamic"
    std::string change_source;        // "DirectModification", "ResourceReference"…
    std::string causing_entity;       // the parameter or resource that caused it
};

struct ResourceChange {
    std::string action;  // "Add", "Modify", "Remove", "Import", "Dynamic"
    std::string logical_id;
    std::string physical_id;
    std::string resource_type;
    std::string replacement;         // "True", "False", "Conditional" (Modify only)
    std::vector<std::string> scope;  // "Properties", "Tags"…
    std::vector<ResourceChangeDetail> details;
};

// Where a change set stands, from its Status, ExecutionStatus and StatusReason.
enum class ChangeSetOutcome {
    pending,     // CREATE_PENDING, CREATE_IN_PROGRESS: ask again
    ready,       // CREATE_COMPLETE and AVAILABLE: it can be executed
    no_changes,  // FAILED because the template and parameters match the stack: not an error
    failed,      // FAILED for any other reason: StatusReason says why
    other,       // deleted, executed, obsolete…: not executable any more
};

struct DescribeChangeSetOutput {
    std::string change_set_id;
    std::string change_set_name;
    std::string stack_id;
    std::string stack_name;
    std::string status;
    std::string status_reason;
    std::string execution_status;
    ChangeSetOutcome outcome = ChangeSetOutcome::other;
    std::optional<protocol::Timestamp> creation_time;
    std::vector<Parameter> parameters;
    std::vector<ResourceChange> changes;
    std::string next_token;  // more Changes to fetch when not empty
};

HttpRequest make_describe_change_set_request(const DescribeChangeSetInput& input,
                                             const protocol::Endpoint& endpoint);
Result<DescribeChangeSetOutput> parse_describe_change_set_response(
    const protocol::HttpResponse& response);

// The two reasons CloudFormation gives a change set that changes nothing: "The submitted
// information didn't contain changes…" (usually) or "No updates are to be performed." (sometimes).
bool is_no_changes_reason(std::string_view status_reason);

ChangeSetOutcome change_set_outcome(std::string_view status, std::string_view execution_status,
                                    std::string_view status_reason);

struct ExecuteChangeSetInput {
    std::string change_set_name;
    std::string stack_name;
    std::string client_token;  // ClientRequestToken: the stack events of this execution carry it
};

HttpRequest make_execute_change_set_request(const ExecuteChangeSetInput& input,
                                            const protocol::Endpoint& endpoint);
Result<void> parse_execute_change_set_response(const protocol::HttpResponse& response);

struct DeleteChangeSetInput {
    std::string change_set_name;
    std::string stack_name;
};

HttpRequest make_delete_change_set_request(const DeleteChangeSetInput& input,
                                           const protocol::Endpoint& endpoint);
Result<void> parse_delete_change_set_response(const protocol::HttpResponse& response);

}  // namespace emrctl::aws::cloudformation
