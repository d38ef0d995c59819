#pragma once

// Which profile of the shared files applies: --profile, else AWS_PROFILE, else "default".

#include <optional>
#include <string>

#include <emrctl/aws/credentials/environment.hpp>

namespace emrctl::aws {

// How the profile was chosen. It matters twice: a profile named by --profile is the only source
// of credentials (the environment's keys are not consulted, as with the AWS CLI), and a profile
// someone named must exist, while a missing "default" only means "look elsewhere".
enum class ProfileOrigin { flag, environment, default_name };

struct ProfileSelection {
    std::string name;
    ProfileOrigin origin = ProfileOrigin::default_name;
};

ProfileSelection select_profile(const std::optional<std::string>& flag, const Environment& env);

// "--profile", "AWS_PROFILE" or "the default": where the name came from, for messages.
std::string describe_origin(ProfileOrigin origin);

}  // namespace emrctl::aws
