#pragma once

// The two errors the chain ends with when it finds nothing: each says where emrctl looked and
// what would fix it, since "no credentials" alone sends people searching.

#include <emrctl/aws/credentials/profile_selection.hpp>
#include <emrctl/aws/credentials/shared_config.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws {

// Nothing found in the environment (unless --profile skipped it) nor in the selected profile,
// which exists without credentials or is the "default" nobody named.
Error no_credentials_found(const SharedConfig& config, const ProfileSelection& profile);

// A profile named by --profile or AWS_PROFILE that neither file defines: the error names the
// files, the profiles they do define, the closest one, and a [name] section of the config file
// that was meant to be [profile name].
Error profile_not_found(const SharedConfig& config, const ProfileSelection& profile);

}  // namespace emrctl::aws
