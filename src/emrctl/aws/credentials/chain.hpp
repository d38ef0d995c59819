#pragma once

// The credentials chain, in the AWS CLI's order:
//
//   --profile P   the profile P only: naming a profile is explicit, so keys exported in the shell
//                 are not used (and an unknown P is an error)
//   otherwise     the environment (AWS_ACCESS_KEY_ID...), then the profile AWS_PROFILE names, or
//                 "default"
//
// Within a profile: role_arn → assumed role (assume_role_provider.hpp); SSO, credential_process
// or web identity → an error saying how to export their credentials; keys → the keys.
// Finding nothing is one error listing every place looked at.

#include <memory>

#include <emrctl/aws/credentials/assume_role_request.hpp>
#include <emrctl/aws/credentials/credentials.hpp>
#include <emrctl/aws/credentials/environment.hpp>
#include <emrctl/aws/credentials/file_access.hpp>
#include <emrctl/aws/credentials/profile_selection.hpp>
#include <emrctl/aws/credentials/shared_config.hpp>

namespace emrctl::aws {

// Everything the chain reads, captured once per run.
struct CredentialSources {
    Environment env;
    SharedConfig config;
    ProfileSelection profile;
    AssumeRoleFn assume_role;  // empty: a profile with role_arn fails
    // Where assumed-role credentials are cached, under HOME; null: only in memory.
    std::shared_ptr<FileAccess> files;
    ClockFn now = system_now;
};

Result<Credentials> resolve_credentials(const CredentialSources& sources);

}  // namespace emrctl::aws
