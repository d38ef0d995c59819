#include <emrctl/aws/protocol/aws_error.hpp>
#include <emrctl/aws/protocol/query_request.hpp>
#include <emrctl/aws/protocol/query_response.hpp>
#include <emrctl/aws/services/sts/assume_role.hpp>
#include <emrctl/aws/services/sts/sts_protocol.hpp>

namespace emrctl::aws::sts {

namespace {
constexpr auto k_operation = operation("AssumeRole");
}  // namespace

HttpRequest make_assume_role_request(const AssumeRoleInput& input,
                                     const protocol::Endpoint& endpoint) {
    protocol::QueryParams params;
    params.add("RoleArn", input.role_arn);
    params.add("RoleSessionName", input.role_session_name);
    if (input.duration) params.add("DurationSeconds", std::to_string(input.duration->count()));
    if (!input.external_id.empty()) params.add("ExternalId", input.external_id);
    if (!input.serial_number.empty()) {
        params.add("SerialNumber", input.serial_number);
        params.add("TokenCode", input.token_code);
    }
    return protocol::make_query_request(endpoint, k_operation.name, k_api_version, params);
}

Result<AssumeRoleOutput> parse_assume_role_response(const protocol::HttpResponse& response) {
    auto answer = protocol::read_query_response(k_operation, response);
    if (!answer) return std::unexpected(std::move(answer.error()));
    const auto result = answer->result;
    const auto credentials = protocol::node_at(result, "Credentials");
    const auto expiration = protocol::iso8601_at(credentials, "Expiration");
    // Filled member by member: GCC 12 at -O3 misreads the nested designated initializer as
    // leaving strings uninitialized (-Wmaybe-uninitialized).
    AssumeRoleOutput out;
    out.credentials.access_key_id = protocol::text_at(credentials, "AccessKeyId");
    out.credentials.secret_access_key = protocol::text_at(credentials, "SecretAccessKey");
    out.credentials.session_token = protocol::text_at(credentials, "SessionToken");
    out.assumed_role_arn = protocol::text_at(result, "AssumedRoleUser/Arn");
    out.assumed_role_id = protocol::text_at(result, "AssumedRoleUser/AssumedRoleId");
    if (out.credentials.access_key_id.empty() || out.credentials.secret_access_key.empty() ||
        out.credentials.session_token.empty() || !expiration) {
        return std::unexpected(protocol::malformed_response(
            k_operation, response, "no complete Credentials (keys, token and expiration)"));
    }
    out.credentials.expiration = std::chrono::floor<std::chrono::seconds>(*expiration);
    return out;
}

}  // namespace emrctl::aws::sts
