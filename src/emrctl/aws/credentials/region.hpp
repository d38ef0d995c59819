#pragma once

// Which AWS region a run talks to:
//
//   --region  >  AWS_REGION  >  AWS_DEFAULT_REGION  >  region: in emrctl.yaml  >  profile region
//
// The SDKs' order is flag > environment > profile; emrctl adds the project file between the
// environment and the profile. Above the profile, because a project says where its stacks live
// and must not follow whichever profile a teammate happens to use (deploying the same project
// into another region would create a second copy, not update the first). Below the flag and the
// environment, because those are choices made for this one run, the way every AWS tool lets
// AWS_REGION override its config files; a project meant to move between regions is deployed
// with --region.

#include <optional>
#include <string>

#include <emrctl/aws/credentials/environment.hpp>
#include <emrctl/aws/credentials/profile_selection.hpp>
#include <emrctl/aws/credentials/shared_config.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws {

struct RegionInputs {
    std::optional<std::string> flag;     // --region
    std::optional<std::string> project;  // region: in the project file
};

struct ResolvedRegion {
    std::string name;    // "eu-west-3"
    std::string source;  // "--region", "AWS_REGION", "the project file", "profile dev in ..."
};

// Fails when no source names a region, or the one that wins is not a region name (lower-case
// letters, digits and single dashes: it becomes part of host names).
Result<ResolvedRegion> resolve_region(const RegionInputs& inputs, const Environment& env,
                                      const SharedConfig& config, const ProfileSelection& profile);

}  // namespace emrctl::aws
