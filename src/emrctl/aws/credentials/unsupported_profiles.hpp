#pragma once

// Profiles emrctl cannot get credentials from itself (IAM Identity Center, credential_process,
// web identity, MFA prompts): each one is named in an error that says how to get its credentials
// into emrctl anyway, through the AWS CLI's export-credentials.

#include <optional>
#include <string>
#include <string_view>

#include <emrctl/aws/credentials/shared_config.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws {

// The error for a profile that gets its credentials in a way emrctl does not support, or
// nullopt. Checked in the AWS CLI's order: SSO is used before keys in the same profile, a
// credential_process only when there are no keys.
std::optional<Error> unsupported_credentials(const ConfigSection& profile);

// An error for `what` (e.g. "IAM Identity Center (sso_session)"), which `profile` uses.
Error unsupported_by_emrctl(const ConfigSection& profile, const ConfigValue& value,
                            std::string_view what);

}  // namespace emrctl::aws
