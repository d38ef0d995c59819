#pragma once

// STS GetCallerIdentity: who the credentials in use belong to (account, ARN). Needs no
// permission, so it is how emrctl checks credentials and learns the account for bucket names.

#include <string>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::sts {

struct GetCallerIdentityOutput {
    std::string account;  // "123456789012"
    std::string arn;      // "arn:aws:sts::123456789012:assumed-role/dev/alice"
    std::string user_id;  // "AROAEXAMPLE:alice"
};

HttpRequest make_get_caller_identity_request(const protocol::Endpoint& endpoint);

Result<GetCallerIdentityOutput> parse_get_caller_identity_response(
    const protocol::HttpResponse& response);

}  // namespace emrctl::aws::sts
