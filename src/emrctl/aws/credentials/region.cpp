#include <emrctl/aws/credentials/region.hpp>

namespace emrctl::aws {

namespace {

bool is_region_name(std::string_view name) {
    if (name.empty() || name.front() < 'a' || name.front() > 'z' || name.back() == '-') {
        return false;
    }
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!allowed || (c == '-' && name[i - 1] == '-')) return false;
    }
    return true;
}

std::optional<ResolvedRegion> first_named(const RegionInputs& inputs, const Environment& env,
                                          const SharedConfig& config,
                                          const ProfileSelection& profile) {
    if (inputs.flag && !inputs.flag->empty()) return ResolvedRegion{*inputs.flag, "--region"};
    if (auto r = env.get("AWS_REGION")) return ResolvedRegion{*r, "AWS_REGION"};
    if (auto r = env.get("AWS_DEFAULT_REGION")) return ResolvedRegion{*r, "AWS_DEFAULT_REGION"};
    if (inputs.project && !inputs.project->empty()) {
        return ResolvedRegion{*inputs.project, "the project file"};
    }
    if (const auto* section = config.find_profile(profile.name)) {
        if (const auto* r = section->find("region"); r != nullptr && !r->value.empty()) {
            return ResolvedRegion{r->value, "profile " + profile.name + " in " + r->file};
        }
    }
    return std::nullopt;
}

}  // namespace

Result<ResolvedRegion> resolve_region(const RegionInputs& inputs, const Environment& env,
                                      const SharedConfig& config, const ProfileSelection& profile) {
    auto region = first_named(inputs, env, config, profile);
    if (!region) {
        const std::string profile_flag =
            profile.name == "default" ? "" : " --profile " + profile.name;
        return fail(ErrorKind::config,
                    "no AWS region configured; emrctl looked at --region, AWS_REGION, "
                    "AWS_DEFAULT_REGION, the project file and profile \"" +
                        profile.name + "\" in " + config.config_file.path,
                    "add region: to emrctl.yaml, pass --region, export AWS_REGION, or run \"aws "
                    "configure set region us-east-1" +
                        profile_flag + "\"");
    }
    if (!is_region_name(region->name)) {
        return fail(
            ErrorKind::config,
            "region \"" + region->name + "\" (from " + region->source + ") is not a region name",
            "AWS regions are written like us-east-1 or eu-west-3");
    }
    return std::move(*region);
}

}  // namespace emrctl::aws
