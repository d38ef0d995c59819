#pragma once

// What a profile with role_arn asks STS for, and the seam through which STS is asked: the STS
// client (aws/services) supplies an AssumeRoleFn, so this folder never makes a request itself.

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include <emrctl/aws/credentials/credentials.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws {

struct AssumeRoleRequest {
    std::string role_arn;
    std::string role_session_name;
    std::string external_id;                       // empty: none
    std::optional<std::chrono::seconds> duration;  // empty: the role's default (one hour)
    std::string profile;                           // the profile that asks, for messages
};

// Calls STS AssumeRole signed with `source`; the credentials it returns carry their expiration.
using AssumeRoleFn =
    std::function<Result<Credentials>(const AssumeRoleRequest& request, const Credentials& source)>;

}  // namespace emrctl::aws
