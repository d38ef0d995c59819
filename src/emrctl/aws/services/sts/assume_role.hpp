#pragma once

// STS AssumeRole: temporary credentials for a role (profiles with role_arn + source_profile).

#include <chrono>
#include <optional>
#include <string>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::sts {

struct AssumeRoleInput {
    std::string role_arn;
    std::string role_session_name;                 // 2-64 of [\w+=,.@-]
    std::optional<std::chrono::seconds> duration;  // empty: the role's default (one hour)
    std::string external_id;                       // empty: none
    std::string serial_number;                     // the MFA device, with token_code; empty: none
    std::string token_code;
};

struct TemporaryCredentials {
    std::string access_key_id;
    std::string secret_access_key;
    std::string session_token;
    std::chrono::sys_seconds expiration;
};

struct AssumeRoleOutput {
    TemporaryCredentials credentials;
    std::string assumed_role_arn;  // "arn:aws:sts::123456789012:assumed-role/dev/emrctl"
    std::string assumed_role_id;   // "AROA3XFRBF535PLBIFPI4:emrctl"
};

HttpRequest make_assume_role_request(const AssumeRoleInput& input,
                                     const protocol::Endpoint& endpoint);

// Fails as malformed when a key, the token or a valid expiration is missing: credentials without
// them would only fail later, further from the cause.
Result<AssumeRoleOutput> parse_assume_role_response(const protocol::HttpResponse& response);

}  // namespace emrctl::aws::sts
