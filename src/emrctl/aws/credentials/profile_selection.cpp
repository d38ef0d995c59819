#include <emrctl/aws/credentials/profile_selection.hpp>

namespace emrctl::aws {

ProfileSelection select_profile(const std::optional<std::string>& flag, const Environment& env) {
    if (flag && !flag->empty()) return {.name = *flag, .origin = ProfileOrigin::flag};
    if (auto name = env.get("AWS_PROFILE")) {
        return {.name = *name, .origin = ProfileOrigin::environment};
    }
    return {.name = "default", .origin = ProfileOrigin::default_name};
}

std::string describe_origin(ProfileOrigin origin) {
    switch (origin) {
        case ProfileOrigin::flag:
            return "--profile";
        case ProfileOrigin::environment:
            return "AWS_PROFILE";
        case ProfileOrigin::default_name:
            break;
    }
    return "the default";
}

}  // namespace emrctl::aws
