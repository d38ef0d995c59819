#pragma once

// Credentials of a profile with role_arn, assumed through STS:
//
//   [profile deploy]                    [profile admin]                 [profile base]
//   role_arn = arn:...:role/deploy      role_arn = arn:...:role/admin   aws_access_key_id = ...
//   source_profile = admin       ──▶    source_profile = base    ──▶    aws_secret_access_key = ...
//
// The source_profile hops are followed down to keys (a profile holding them, or the environment's
// with credential_source = Environment), then each role is assumed in turn from the bottom up.
// A source profile holding keys gives its keys even if it also has a role_arn, and a profile may
// name itself as source_profile when it holds keys, as in the AWS CLI; any other loop is an error.
// Each assumed role is served from the disk cache while fresh, and stored there when assumed.

#include <emrctl/aws/credentials/assume_role_request.hpp>
#include <emrctl/aws/credentials/credentials.hpp>
#include <emrctl/aws/credentials/environment.hpp>
#include <emrctl/aws/credentials/role_cache.hpp>
#include <emrctl/aws/credentials/shared_config.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws {

// The longest and shortest sessions STS grants (the role's own maximum may be lower).
inline constexpr std::chrono::seconds k_min_role_duration{900};
inline constexpr std::chrono::seconds k_max_role_duration{43200};

struct AssumeRoleContext {
    const Environment& env;
    const SharedConfig& config;
    const AssumeRoleFn& assume_role;   // empty: no STS client, so any role_arn fails
    const RoleCache* cache = nullptr;  // null: nothing kept on disk
    const ClockFn& now;
};

// The request a profile's role_arn, role_session_name, external_id and duration_seconds make,
// checked. The session name stays empty when the profile sets none (assume_role_credentials
// then makes one up per call, and the cache key must not depend on it).
Result<AssumeRoleRequest> role_request(const ConfigSection& profile);

// For a profile with role_arn.
Result<Credentials> assume_role_credentials(const ConfigSection& profile,
                                            const AssumeRoleContext& context);

}  // namespace emrctl::aws
