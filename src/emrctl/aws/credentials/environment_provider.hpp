#pragma once

// Credentials from the environment: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, and for temporary
// credentials AWS_SESSION_TOKEN and (optionally, as botocore reads it) AWS_CREDENTIAL_EXPIRATION.

#include <optional>

#include <emrctl/aws/credentials/credentials.hpp>
#include <emrctl/aws/credentials/environment.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws {

inline constexpr std::string_view k_environment_source = "environment";

// nullopt when neither key variable is set. Only one of the two set is an error naming the other:
// half a key pair is a mistake worth stopping for, not a reason to try the next source.
Result<std::optional<Credentials>> credentials_from_environment(const Environment& env);

}  // namespace emrctl::aws
