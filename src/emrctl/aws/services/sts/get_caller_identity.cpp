#include <emrctl/aws/protocol/aws_error.hpp>
#include <emrctl/aws/protocol/query_request.hpp>
#include <emrctl/aws/protocol/query_response.hpp>
#include <emrctl/aws/services/sts/get_caller_identity.hpp>
#include <emrctl/aws/services/sts/sts_protocol.hpp>

namespace emrctl::aws::sts {

namespace {
constexpr auto k_operation = operation("GetCallerIdentity");
}  // namespace

HttpRequest make_get_caller_identity_request(const protocol::Endpoint& endpoint) {
    return protocol::make_query_request(endpoint, k_operation.name, k_api_version, {});
}

Result<GetCallerIdentityOutput> parse_get_caller_identity_response(
    const protocol::HttpResponse& response) {
    auto answer = protocol::read_query_response(k_operation, response);
    if (!answer) return std::unexpected(std::move(answer.error()));
    const auto result = answer->result;
    GetCallerIdentityOutput out{.account = protocol::text_at(result, "Account"),
                                .arn = protocol::text_at(result, "Arn"),
                                .user_id = protocol::text_at(result, "UserId")};
    if (out.account.empty() || out.arn.empty()) {
        return std::unexpected(
            protocol::malformed_response(k_operation, response, "no Account or Arn"));
    }
    return out;
}

}  // namespace emrctl::aws::sts
