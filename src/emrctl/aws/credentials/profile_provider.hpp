#pragma once

// Long-term keys written in a profile: aws_access_key_id, aws_secret_access_key and, for
// temporary keys pasted in by hand, aws_session_token.

#include <optional>

#include <emrctl/aws/credentials/credentials.hpp>
#include <emrctl/aws/credentials/shared_config.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws {

// True when the profile holds aws_access_key_id or aws_secret_access_key.
bool has_static_keys(const ConfigSection& profile);

// nullopt when the profile holds neither key; one without the other is an error at the line of
// the one that is there. The source names the file the access key id is in.
Result<std::optional<Credentials>> static_credentials(const ConfigSection& profile);

}  // namespace emrctl::aws
